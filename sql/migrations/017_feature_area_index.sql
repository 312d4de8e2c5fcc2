-- Features of a layer version by planar size (square degrees): the candidate-site search
-- (compliance-rules/candidates) finds the plan parcels at least as large as a required area from this index
-- instead of reading the whole version; it turns the area in m² into a lower bound in square degrees.
CREATE INDEX layer_features_version_area_idx ON layer_features (layer_version_id, ST_Area(geom));
