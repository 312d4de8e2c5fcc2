-- A generalised group may hold the features smaller than a pixel of its band as points: each the centre of
-- the feature's bounding box, with the feature's area as its Z (in 10⁻⁹ square degrees), which is all a map
-- at that band draws of them (it splats them). The geometry column so takes 3D points beside 2D collections.
ALTER TABLE layer_generalised_groups ALTER COLUMN geom TYPE geometry USING geom;
ALTER TABLE layer_generalised_groups ADD CONSTRAINT layer_generalised_groups_geom_srid CHECK (ST_SRID(geom) = 4490);

-- The generalisations built before keep every feature's outline: dropped, they are built again in the
-- background (as after an import), this time with the points.
DELETE FROM layer_generalisations;
