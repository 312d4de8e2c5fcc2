-- Projects whose pinyin initials were never computed (written before migration 023, or by a loader).
SELECT id, name, construction_unit
FROM projects
WHERE name_initials IS NULL OR unit_initials IS NULL
ORDER BY id
