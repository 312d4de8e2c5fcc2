// The view a map server reads for a layer: published.<code>, always the layer's CURRENT version (it joins
// on layers.current_version_id, so an import or a rollback shows at once), one typed column per attribute.
// The SQL lives in sql/migrations/012_current_version_views.sql, which quotes every identifier itself;
// here names are checked first so a bad one is refused with a clear message.
import type { AttributeDefinition } from '../catalog/layer-catalog';
import type { Queryable } from '../catalog/queryable';
import { checkAttributes, checkLayerCode } from './published-names';
import { PublishingError } from './publishing-error';

export const PUBLISHED_SCHEMA = 'published';

const ENSURE_VIEW = 'SELECT ensure_current_version_view($1, $2::jsonb)';
const DROP_VIEW = 'SELECT drop_current_version_view($1) AS dropped';

/** Where the layer's view is (and what a GeoServer feature type's nativeName is). */
export function currentVersionViewName(layerCode: string): { schema: string; name: string } {
  return { schema: PUBLISHED_SCHEMA, name: checkLayerCode(layerCode) };
}

function translate(error: unknown, code: string): unknown {
  const pgError = error as { code?: string; message?: string };
  if (pgError.code === 'P0002') {
    return new PublishingError('layer_not_found', `图层不存在 / no layer with code "${code}"`, {
      parameter: 'code',
      value: code,
    });
  }
  if (pgError.code === '22023') {
    return new PublishingError(
      'invalid_view_definition',
      `无法为图层“${code}”建立发布视图 / cannot create the published view of layer "${code}": ${pgError.message}`,
      { parameter: 'attributeSchema' },
    );
  }
  return error;
}

/**
 * Creates or replaces published.<layerCode> with the given attributes, each of which must be in the
 * layer's attribute schema in the catalog. Runs in the caller's transaction when `db` is in one.
 */
export async function ensureCurrentVersionView(
  db: Queryable,
  layerCode: string,
  attributeSchema: readonly AttributeDefinition[],
): Promise<void> {
  const code = checkLayerCode(layerCode);
  const attributes = checkAttributes(code, attributeSchema);
  try {
    await db.query(ENSURE_VIEW, [code, JSON.stringify(attributes)]);
  } catch (error) {
    throw translate(error, code);
  }
}

/** Drops published.<layerCode>; returns false when there was none. */
export async function dropCurrentVersionView(db: Queryable, layerCode: string): Promise<boolean> {
  const code = checkLayerCode(layerCode);
  try {
    const { rows } = await db.query<{ dropped: boolean }>(DROP_VIEW, [code]);
    return rows[0]?.dropped === true;
  } catch (error) {
    throw translate(error, code);
  }
}
