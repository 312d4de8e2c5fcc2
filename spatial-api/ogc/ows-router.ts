// The OGC entry points: /ows (SERVICE=WMS|WFS), /wms and /wfs, and WFS requests in XML over POST. A
// request is dispatched by SERVICE and REQUEST to the service's operation; anything missing or unknown
// answers an exception report naming it.
import express, {
  type ErrorRequestHandler,
  type Request,
  type RequestHandler,
  type Response,
  type Router,
} from 'express';
import { Kvp } from './kvp';
import { ogcErrorHandler, OgcException } from './ogc-exception';
import type { RequestGate } from './request-gate';
import { exceptionImage } from './wms/exception-image';
import { kvpFromXmlRequest } from './wfs/xml-request';

export type OgcOperation = (req: Request, res: Response, kvp: Kvp) => Promise<void>;

/** Checks a request once its parameters are read, before its operation runs (access, in the app). */
export type OgcAccessCheck = (
  req: Request,
  res: Response,
  service: OgcService['name'],
  kvp: Kvp,
) => Promise<void>;

export interface OgcService {
  name: 'WMS' | 'WFS';
  /** versions accepted; the first is the one answered */
  versions: string[];
  operations: Record<string, OgcOperation>;
}

/** Where a request's parameters come from: the query string, or an XML body (WFS over POST). */
type Parameters = (req: Request) => Kvp;
const fromQuery: Parameters = (req) => new Kvp(req.query as Record<string, unknown>);
const fromXmlBody: Parameters = (req) => kvpFromXmlRequest(typeof req.body === 'string' ? req.body : '');
/** An XML request is a filter and a query at most; not a data upload. */
const MAX_XML_REQUEST = '10mb';

function dispatch(
  services: OgcService[],
  access: OgcAccessCheck,
  gate: RequestGate,
  fixed?: OgcService['name'],
  parameters: Parameters = fromQuery,
) {
  return async (req: Request, res: Response) => {
    const kvp = parameters(req);
    const serviceName = (fixed ?? kvp.require('SERVICE')).toUpperCase();
    const given = kvp.get('SERVICE');
    if (fixed && given && given.toUpperCase() !== fixed) {
      throw new OgcException(
        'InvalidParameterValue',
        'SERVICE',
        `此地址只提供${fixed}服务 / this address serves ${fixed} only`,
      );
    }
    const service = services.find((s) => s.name === serviceName);
    if (!service) {
      throw new OgcException(
        'InvalidParameterValue',
        'SERVICE',
        `未知的服务“${serviceName}”，可用WMS或WFS / unknown service ${serviceName}: use WMS or WFS`,
      );
    }
    const request = kvp.require('REQUEST');
    const operation = Object.entries(service.operations).find(
      ([name]) => name.toLowerCase() === request.toLowerCase(),
    );
    if (!operation) {
      throw new OgcException(
        'OperationNotSupported',
        'REQUEST',
        `${service.name}不支持操作“${request}”，可用：${Object.keys(service.operations).join(', ')} / operation not supported`,
      );
    }
    const version = kvp.get('VERSION') ?? kvp.get('ACCEPTVERSIONS')?.split(',')[0];
    const isCapabilities = operation[0] === 'GetCapabilities';
    if (version !== undefined && !service.versions.includes(version) && !isCapabilities) {
      throw new OgcException(
        'InvalidParameterValue',
        'VERSION',
        `${service.name}不支持版本${version}，支持${service.versions.join('、')} / unsupported version`,
      );
    }
    if (version === undefined && !isCapabilities && service.name === 'WMS') {
      throw new OgcException(
        'MissingParameterValue',
        'VERSION',
        '缺少参数VERSION / the parameter VERSION is missing',
      );
    }
    await gate.run(res, async () => {
      await access(req, res, service.name, kvp);
      await operation[1](req, res, kvp);
    });
  };
}

/**
 * The OGC routes; `guard` gives each its access rule (by method and path), `access` checks the layers named,
 * `gate` bounds how many run at once.
 */
export function owsRouter(
  services: OgcService[],
  guard: (method: string, path: string) => RequestHandler,
  access: OgcAccessCheck,
  gate: RequestGate,
): Router {
  const router = express.Router();
  router.get('/ows', guard('GET', '/ows'), dispatch(services, access, gate));
  router.get('/wms', guard('GET', '/wms'), dispatch(services, access, gate, 'WMS'));
  router.get('/wfs', guard('GET', '/wfs'), dispatch(services, access, gate, 'WFS'));
  // WMS 1.3.0 defines GET only; WFS 2.0 also takes its requests XML-encoded over POST
  const xmlBody = express.text({ type: () => true, limit: MAX_XML_REQUEST });
  router.post('/ows', guard('POST', '/ows'), xmlBody, dispatch(services, access, gate, 'WFS', fromXmlBody));
  router.post('/wfs', guard('POST', '/wfs'), xmlBody, dispatch(services, access, gate, 'WFS', fromXmlBody));
  router.use(OGC_PATHS, owsErrorHandler());
  return router;
}

/** The paths of the OGC services. */
export const OGC_PATHS = ['/ows', '/wms', '/wfs'];

/** Exception reports for errors on the OGC paths, also those raised before the router (authentication). */
export function owsErrorHandler(): ErrorRequestHandler {
  return ogcErrorHandler((query, path) => {
    if (path.startsWith('/wms')) return 'WMS';
    if (path.startsWith('/wfs')) return 'WFS';
    const service = new Kvp(query).get('SERVICE')?.toUpperCase();
    return service === 'WMS' ? 'WMS' : service === 'WFS' ? 'WFS' : 'OWS';
  }, exceptionImage);
}
