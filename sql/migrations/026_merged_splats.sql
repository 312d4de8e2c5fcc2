-- The splats of a generalised band are merged: the features smaller than a pixel of one class within a
-- quarter of a band pixel become one point, its Z their areas' sum and its M how many they are (so a
-- city map reads a few points a pixel rather than every parcel). The generalisations built before are
-- dropped and built again in the background, as after an import.
DELETE FROM layer_generalisations;
