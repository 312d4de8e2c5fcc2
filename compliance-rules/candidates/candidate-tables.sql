-- The working tables of one candidate search, gone with its transaction: candidate_sites holds the sites
-- the rules are evaluated on (one parcel or a union of adjacent parcels each), candidate_pool the plan parcels
-- around each seed a merged candidate may grow over.
CREATE TEMP TABLE candidate_sites (
  site_no int PRIMARY KEY,
  geom geometry NOT NULL,
  area_m2 float8 NOT NULL
) ON COMMIT DROP;
CREATE TEMP TABLE candidate_pool (
  seed_no int NOT NULL,
  id bigint NOT NULL,
  geom geometry NOT NULL,
  area_m2 float8 NOT NULL,
  x float8 NOT NULL,
  y float8 NOT NULL
) ON COMMIT DROP;
