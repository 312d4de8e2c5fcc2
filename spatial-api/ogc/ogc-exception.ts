// OGC service exceptions: thrown by WMS and WFS code with an exceptionCode and the parameter at fault
// (locator), and written as an OWS ExceptionReport (WFS 2.0, OWS 1.1) or a WMS 1.3.0
// ServiceExceptionReport by one middleware.
import type { ErrorRequestHandler, Request, Response } from 'express';
import { AppError, internalErrorMessage } from '../errors';
import { ClientGone } from '../request-deadline';
import { logInternalError } from '../request-id';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, RETRY_AFTER_S } from '../database-unavailable';
import { xmlEscape } from './xml';

export type OgcExceptionCode =
  | 'MissingParameterValue'
  | 'InvalidParameterValue'
  | 'OperationNotSupported'
  | 'OperationParsingFailed'
  | 'OperationProcessingFailed'
  | 'VersionNegotiationFailed'
  | 'InvalidFormat'
  | 'InvalidCRS'
  | 'LayerNotDefined'
  | 'StyleNotDefined'
  | 'InvalidPoint'
  | 'LayerNotQueryable'
  | 'NoApplicableCode';

export class OgcException extends Error {
  constructor(
    readonly code: OgcExceptionCode,
    readonly locator: string,
    message: string,
    readonly status = code === 'NoApplicableCode' || code === 'OperationProcessingFailed' ? 500 : 400,
  ) {
    super(message);
    this.name = 'OgcException';
  }
}

export function serviceExceptionReport(service: 'WMS' | 'WFS' | 'OWS', error: OgcException): string {
  const message = xmlEscape(error.message);
  const locator = xmlEscape(error.locator);
  if (service === 'WMS') {
    return `<?xml version="1.0" encoding="UTF-8"?>
<ServiceExceptionReport version="1.3.0" xmlns="http://www.opengis.net/ogc" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/ogc http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd">
  <ServiceException code="${error.code}" locator="${locator}">${message}</ServiceException>
</ServiceExceptionReport>
`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<ows:ExceptionReport version="2.0.0" xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/ows/1.1 http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd">
  <ows:Exception exceptionCode="${error.code}" locator="${locator}">
    <ows:ExceptionText>${message}</ows:ExceptionText>
  </ows:Exception>
</ows:ExceptionReport>
`;
}

/**
 * Any error as an OGC exception: a body the parser refused (too large, undecodable) is the client's; an
 * internal failure (any other error, or an OgcException with status 500, whose text may hold file paths
 * or GDAL's and PostgreSQL's messages) is logged and answered with its request id only.
 */
function asOgcException(error: unknown, req: Request, res: Response): OgcException {
  if (error instanceof OgcException && error.status !== 500) return error;
  if (error instanceof AppError && error.status < 500) {
    const parameter = error.details.parameter;
    return new OgcException(
      'NoApplicableCode',
      typeof parameter === 'string' ? parameter : '',
      error.message,
      error.status,
    );
  }
  if (isDatabaseUnavailable(error))
    return new OgcException('NoApplicableCode', '', DATABASE_UNAVAILABLE_MESSAGE, 503);
  const status = (error as { status?: unknown } | null)?.status;
  if (!(error instanceof OgcException) && typeof status === 'number' && status >= 400 && status < 500) {
    const text = error instanceof Error ? error.message : String(error);
    return new OgcException(
      'OperationParsingFailed',
      'request',
      `无法读取请求正文 / the request body cannot be read: ${text}`,
      status,
    );
  }
  const id = logInternalError(req, res, error);
  return new OgcException('NoApplicableCode', '', internalErrorMessage(id), 500);
}

/** An exception drawn as an image (WMS EXCEPTIONS=INIMAGE), or undefined for the XML report. */
export type ExceptionImage = (
  query: Record<string, unknown>,
  error: OgcException,
) => Promise<{ mime: string; body: Buffer } | undefined>;

/** Answers errors on the OGC paths as exception reports. */
export function ogcErrorHandler(
  serviceOf: (query: Record<string, unknown>, path: string) => 'WMS' | 'WFS' | 'OWS',
  imageOf?: ExceptionImage,
): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    // the client closed the connection: its work is stopped and there is no one to answer
    if (error instanceof ClientGone) return;
    const ogc = asOgcException(error, req, res);
    if (ogc.status === 503) res.set('Retry-After', String(RETRY_AFTER_S));
    const query = req.query as Record<string, unknown>;
    const service = serviceOf(query, req.path);
    const report = () =>
      res
        .status(ogc.status)
        .type('application/xml; charset=utf-8')
        .send(serviceExceptionReport(service, ogc));
    if (service !== 'WMS' || !imageOf) {
      report();
      return;
    }
    imageOf(query, ogc).then(
      (image) => (image ? res.status(200).type(image.mime).send(image.body) : report()),
      () => report(),
    );
  };
}
