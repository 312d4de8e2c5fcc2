-- PostGIS for every geometry; btree_gist so one GiST index can serve (layer version, geometry) lookups.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
