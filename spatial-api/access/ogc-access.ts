// The access check of an OGC request, once its parameters are read (from the query or an XML body): an API
// key must be allowed for the service, and every layer it names must be readable by the caller (anonymous:
// 401, signed in or keyed but not allowed: 403, as an exception report naming the parameter). The layers the
// caller may see are left for the capabilities and feature-type lists.
import type { Request, Response } from 'express';
import type { Pool } from 'pg';
import { canReadLayer, canUseService } from '../../accounts';
import { resolveServiceLayerName } from '../../layers';
import type { Kvp } from '../ogc/kvp';
import { setVisibility } from '../ogc/layer-visibility';
import { OgcException } from '../ogc/ogc-exception';
import type { AuditTrail } from './audit-trail';
import { principalOf } from './principal-of';
import { checkSignedLinkOgc } from './signed-link-access';
import { requestCatalog } from '../request-catalog';

const LAYER_PARAMETERS = ['LAYERS', 'QUERY_LAYERS', 'LAYER', 'TYPENAMES', 'TYPENAME'];

/** The layer codes a request names, by the services' one naming rule (WFS 2.0 join lists included). */
function namedLayers(kvp: Kvp): { parameter: string; code: string }[] {
  const named = LAYER_PARAMETERS.flatMap((parameter) =>
    (kvp.get(parameter) ?? '')
      .split(/[,()]/)
      .map((name) => resolveServiceLayerName(name.trim()))
      .filter((code): code is string => code !== null)
      .map((code) => ({ parameter, code })),
  );
  // a feature asked for by its id (`code.id`, as WFS writes gml:id) names its layer too
  const byId = (kvp.get('RESOURCEID') ?? '')
    .split(',')
    .map((id) => id.trim().replace(/^[A-Za-z_][\w-]*:/, ''))
    .filter((id) => id.includes('.'))
    .map((id) => ({ parameter: 'RESOURCEID', code: id.slice(0, id.indexOf('.')) }));
  return [...named, ...byId];
}

export function ogcAccess(pool: Pool, trail: AuditTrail) {
  return async (req: Request, res: Response, service: 'WMS' | 'WFS', kvp: Kvp): Promise<void> => {
    const principal = principalOf(res);
    const anonymous = principal.kind === 'anonymous';
    if (!canUseService(principal, service === 'WMS' ? 'wms' : 'wfs')) {
      throw new OgcException(
        'NoApplicableCode',
        'SERVICE',
        `该API密钥不能用于${service} / this API key is not valid for ${service}`,
        403,
      );
    }
    if (principal.kind === 'signed_link') checkSignedLinkOgc(principal, service, kvp);
    const catalog = await requestCatalog(pool);
    for (const { parameter, code } of namedLayers(kvp)) {
      const layer = catalog.layers.find((l) => l.code === code);
      if (!layer) continue; // the service answers that it does not know the layer
      if (!canReadLayer(principal, layer)) {
        throw new OgcException(
          'NoApplicableCode',
          parameter,
          anonymous
            ? `图层“${code}”不公开，请提供API密钥或登录 / layer ${code} is not public: give an API key or sign in`
            : `无权查看图层“${code}” / you may not read layer ${code}`,
          anonymous ? 401 : 403,
        );
      }
      if (!layer.public)
        trail.writeThrottled(req, principal, 'read', 'layer', code, { service, request: kvp.get('REQUEST') });
    }
    if (principal.kind === 'api_key') {
      trail.writeThrottled(req, principal, 'key_use', 'service', service, { request: kvp.get('REQUEST') });
    }
    setVisibility(res, (layer) => canReadLayer(principal, layer));
  };
}
