-- Writes computed initials ($1 ids, $2 name initials, $3 unit initials) where they are still missing;
-- the record's lock_version and updated_at stay: the record itself did not change.
UPDATE projects p
SET name_initials = v.name_initials, unit_initials = v.unit_initials
FROM unnest($1::int[], $2::text[], $3::text[]) AS v (id, name_initials, unit_initials)
WHERE p.id = v.id AND (p.name_initials IS NULL OR p.unit_initials IS NULL)
