-- Each group of a generalised band keeps its geometry written as TWKB, rounded to a tenth of the band's
-- pixel: a map in EPSG:4490 or Web Mercator (which the decoder projects) reads it as it is, where
-- ST_AsTWKB of every group on every map took two thirds of the query's time. A map's pixel is at least
-- its band's, so this is at least as fine as the tenth of the map's pixel written before. Stored
-- uncompressed (TWKB is already varints; decompressing cost more than the bytes saved).
CREATE FUNCTION band_twkb_digits(band int) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN least(7, ceil(-log10(360.0 / 256 / 2 ^ band / 10))::int);

ALTER TABLE layer_generalised_groups ADD COLUMN twkb bytea;
ALTER TABLE layer_generalised_groups ALTER COLUMN twkb SET STORAGE EXTERNAL;
UPDATE layer_generalised_groups SET twkb = ST_AsTWKB(geom, band_twkb_digits(band));
ALTER TABLE layer_generalised_groups ALTER COLUMN twkb SET NOT NULL;
