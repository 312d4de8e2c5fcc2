-- Pinyin initials of a project's name and construction unit (新疆道路… → xjdl…), searched beside the Chinese
-- text. SQL cannot compute them: the application writes them with the name and unit (projects/
-- pinyin-initials.ts), and fills the rows that lack them (written before this migration or by a loader) when
-- the database is prepared. NULL: not computed yet.
ALTER TABLE projects
  ADD COLUMN name_initials text CHECK (name_initials ~ '^[a-z0-9]*$'),
  ADD COLUMN unit_initials text CHECK (unit_initials ~ '^[a-z0-9]*$');
