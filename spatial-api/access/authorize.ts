// The one access check in front of every route, from its rule in the route table: who may call it, which
// service an API key must be allowed for, the CSRF token of a cookie-authenticated change, the layer named
// in the path (readable for reads; within the caller's district scope for changes), and the audit trail.
import type { Request, RequestHandler, Response } from 'express';
import type { Pool } from 'pg';
import {
  can,
  canReadLayer,
  canUseService,
  inDistrictScope,
  sameSecret,
  type AuditAction,
  type Principal,
} from '../../accounts';
import type { LayerSummary } from '../../layers';
import { AppError } from '../errors';
import { forbidden, unauthenticated } from './access-errors';
import { captureJsonBody, withoutSecrets, type AuditTrail } from './audit-trail';
import { credentialOf, principalOf } from './principal-of';
import type { RouteRule } from './route-rules';
import { requestCatalog } from '../request-catalog';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CHANGE_ACTION: Record<string, AuditAction> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'update',
  DELETE: 'delete',
};

function refuse(principal: Principal, message: string, details: Record<string, unknown> = {}) {
  return principal.kind === 'anonymous' ? unauthenticated(undefined, details) : forbidden(message, details);
}

function checkCaller(rule: RouteRule, principal: Principal): void {
  if (
    principal.kind === 'api_key' &&
    rule.service !== 'ogc' &&
    !canUseService(principal, rule.service ?? 'rest')
  ) {
    throw forbidden(
      `该API密钥不能用于${rule.service ?? 'rest'}服务 / this API key is not valid for ${rule.service ?? 'rest'}`,
      {
        service: rule.service ?? 'rest',
      },
    );
  }
  if (rule.allow === 'anyone') return;
  if (rule.allow === 'signed_in') {
    if (principal.kind !== 'user')
      throw refuse(principal, '此操作须以用户身份登录 / sign in as a user for this');
    return;
  }
  if (!can(principal, rule.allow)) {
    throw refuse(principal, `没有“${rule.allow}”权限 / the permission ${rule.allow} is needed`, {
      permission: rule.allow,
    });
  }
}

function checkCsrf(req: Request, res: Response, rule: RouteRule, principal: Principal): void {
  if (SAFE_METHODS.has(req.method) || credentialOf(res) !== 'cookie' || rule.audit === 'login') return;
  const given = req.get('x-csrf-token');
  if (principal.kind !== 'user' || !given || !sameSecret(given, principal.csrfToken)) {
    throw new AppError(403, 'csrf_failed', '缺少或错误的CSRF令牌 / missing or wrong X-CSRF-Token header', {
      parameter: 'X-CSRF-Token',
    });
  }
}

async function checkLayer(
  pool: Pool,
  req: Request,
  rule: RouteRule,
  principal: Principal,
): Promise<LayerSummary | undefined> {
  if (!rule.layerParam) return undefined;
  const code = String(req.params[rule.layerParam] ?? '');
  // the request's catalog, which the tile and map handlers then read again from memory
  const layer = (await requestCatalog(pool)).layers.find((l) => l.code === code);
  if (!layer) return undefined; // the handler answers 404
  if (!canReadLayer(principal, layer)) {
    throw refuse(principal, `无权查看图层“${code}” / you may not read layer ${code}`, {
      parameter: rule.layerParam,
      value: code,
    });
  }
  if (!SAFE_METHODS.has(req.method) && !inDistrictScope(principal, layer.districtCode)) {
    throw forbidden(`图层“${code}”不在您的管辖区域内 / layer ${code} lies outside your districts`, {
      parameter: rule.layerParam,
      value: code,
    });
  }
  return layer;
}

function targetId(req: Request, rule: RouteRule): string | null {
  const value = rule.layerParam ? req.params[rule.layerParam] : (req.params.id ?? req.params.code);
  return value === undefined ? null : String(value);
}

/** What the audit entry keeps of a change's answer: the rule's fields of it, or all of it. */
function auditedAnswer(rule: RouteRule, answer: unknown): unknown {
  if (!rule.auditFields || answer === null || typeof answer !== 'object') return withoutSecrets(answer);
  const fields = answer as Record<string, unknown>;
  return Object.fromEntries(rule.auditFields.filter((f) => f in fields).map((f) => [f, fields[f]]));
}

/** The id of what a change created, when its path names none (POST to a collection). */
function createdId(rule: RouteRule, answer: unknown): string | null {
  if (!rule.auditFields || answer === null || typeof answer !== 'object') return null;
  const id = (answer as Record<string, unknown>).id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

function isExport(req: Request, rule: RouteRule): boolean {
  if (rule.export) return true;
  const format = req.query.format;
  return typeof format === 'string' && format !== 'json' && format !== 'geojson';
}

/** The format asked for, or the extension of a file route (report.pdf → pdf). */
function exportFormat(req: Request): unknown {
  return req.query.format ?? /\.([a-z0-9]+)$/i.exec(req.path)?.[1] ?? null;
}

function recordOutcome(
  req: Request,
  res: Response,
  rule: RouteRule,
  principal: Principal,
  trail: AuditTrail,
  layer: LayerSummary | undefined,
): void {
  const sent = SAFE_METHODS.has(req.method) ? undefined : captureJsonBody(res);
  res.on('finish', () => {
    if (res.statusCode >= 400) return;
    const target = rule.target ?? 'api';
    const id = targetId(req, rule);
    if (sent) {
      if (rule.audit === 'login' || rule.audit === 'logout') return; // the session routes write these
      const answer = sent();
      void trail.write(req, principal, {
        action: rule.audit ?? CHANGE_ACTION[req.method] ?? 'update',
        targetType: target,
        targetId: id ?? createdId(rule, answer),
        details: {
          method: req.method,
          path: req.originalUrl.split('?')[0],
          ...(layer ? { before: layer } : {}),
          after: auditedAnswer(rule, answer) ?? null,
          ...(req.body && typeof req.body === 'object' ? { request: withoutSecrets(req.body) } : {}),
        },
      });
      return;
    }
    if (isExport(req, rule)) {
      void trail.write(req, principal, {
        action: 'export',
        targetType: target,
        targetId: id,
        details: { path: req.originalUrl.split('?')[0], format: exportFormat(req) },
      });
    } else if (layer && !layer.public) {
      trail.writeThrottled(req, principal, 'read', target, layer.code, { path: req.path });
    }
    // an OGC request's key use is recorded by its access check, with the service
    if (principal.kind === 'api_key' && rule.service !== 'ogc') {
      trail.writeThrottled(req, principal, 'key_use', target, id ?? req.path, { path: req.path });
    }
  });
}

export function authorize(pool: Pool, trail: AuditTrail, rule: RouteRule): RequestHandler {
  return async (req, res, next) => {
    const principal = principalOf(res);
    checkCaller(rule, principal);
    checkCsrf(req, res, rule, principal);
    const layer = await checkLayer(pool, req, rule, principal);
    recordOutcome(req, res, rule, principal, trail, layer);
    next();
  };
}
