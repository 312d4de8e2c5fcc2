// The rows of a frame's query turned into pixel features for a painter, wherever the painting happens (in
// the request's process or a render thread): one feature a row, or one a member of a generalised group.
import type { PixelFeature } from './feature-query';
import { decodeTwkb, decodeTwkbMembers, type DecodedShape, type PixelTransform } from './twkb';

/**
 * One row: its TWKB shape, the TWKB point where its label or mark goes (null when not asked for), and the
 * property values the style reads, in the order of its names.
 */
export type FeatureRowSink = (
  shape: Uint8Array,
  labelAt: Uint8Array | null,
  values: (string | null)[],
) => void;

const isEmpty = (shape: DecodedShape) =>
  shape.polygons.length === 0 && shape.lines.length === 0 && shape.points.length === 0;

/**
 * Features smaller than a pixel known by their centre, their area (square pixels) and how many they are,
 * with their group's values.
 */
export type SplatFeatureSink = (
  x: number,
  y: number,
  area: number,
  count: number,
  values: (string | null)[],
) => void;

/**
 * `members`: each row is a generalised group, split back into its features (which have no label point);
 * a group of features smaller than a pixel goes to `onSplat` splat by splat.
 */
export function featureDecoder(
  transform: PixelTransform,
  members: boolean,
  onFeature: (feature: PixelFeature) => void,
  onSplat: SplatFeatureSink,
): FeatureRowSink {
  if (members) {
    return (shape, _labelAt, values) =>
      decodeTwkbMembers(
        shape,
        transform,
        (member) => {
          if (!isEmpty(member)) onFeature({ shape: member, labelAt: null, values });
        },
        (x, y, area, count) => onSplat(x, y, area, count, values),
      );
  }
  return (bytes, labelAt, values) => {
    const shape = decodeTwkb(bytes, transform);
    if (isEmpty(shape)) return;
    const label = labelAt ? decodeTwkb(labelAt, transform).points : [];
    onFeature({ shape, labelAt: label.length >= 2 ? [label[0]!, label[1]!] : null, values });
  };
}
