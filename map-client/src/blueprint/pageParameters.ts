// What the standard page's URL asks for (/blueprint?projectCode=…&layers=…&bbox=…) and the credential it
// carries: an API key (apikey=) or a signed link (expires= and signature= over the other parameters).
// Checked here first, so that a mistyped link says which parameter is wrong before anything is loaded;
// the server checks them again.
import type { MessageKey } from '../i18n/messages';

export type LonLatBox = [number, number, number, number];

export interface PageRequest {
  projectCode: string | null;
  /** null: the standard layer set */
  layers: string[] | null;
  bbox: LonLatBox | null;
}

export type Credential =
  | { kind: 'none' }
  | { kind: 'apikey'; apikey: string }
  /** `signed`: the signed parameters as the link gives them, expires included */
  | { kind: 'signed_link'; signed: string; signature: string };

export interface PageParameters {
  request: PageRequest;
  credential: Credential;
  /** the query of the page's data request: the page's own, passed on as it is */
  query: string;
}

export interface ParameterError {
  parameter: string;
  message: MessageKey;
}

const LAYER_CODE = /^[a-z][a-z0-9_]{1,62}$/;
const MAX_LAYERS = 20;
/** The parameters a signature covers (as the server signs them). */
const SIGNED = ['bbox', 'expires', 'layers', 'projectCode'];

function parseBbox(text: string): LonLatBox | null {
  const numbers = text.split(',').map((part) => (part.trim() === '' ? NaN : Number(part)));
  if (numbers.length !== 4 || !numbers.every(Number.isFinite)) return null;
  const [minLon, minLat, maxLon, maxLat] = numbers as LonLatBox;
  const inRange =
    Math.abs(minLon) <= 180 && Math.abs(maxLon) <= 180 && Math.abs(minLat) <= 90 && Math.abs(maxLat) <= 90;
  return inRange && minLon < maxLon && minLat < maxLat ? [minLon, minLat, maxLon, maxLat] : null;
}

function parseLayers(text: string): string[] | null {
  const codes = text
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
  return codes.length >= 1 && codes.length <= MAX_LAYERS && codes.every((code) => LAYER_CODE.test(code))
    ? codes
    : null;
}

function credentialOf(params: URLSearchParams): Credential | ParameterError {
  const apikey = params.get('apikey');
  if (apikey) return { kind: 'apikey', apikey };
  const signature = params.get('signature');
  const expires = params.get('expires');
  if (signature === null && expires === null) return { kind: 'none' };
  if (!signature || !expires)
    return { parameter: signature ? 'expires' : 'signature', message: 'blueprint.error.expires' };
  const signed = new URLSearchParams();
  for (const name of SIGNED) {
    const value = params.get(name);
    if (value !== null) signed.set(name, value);
  }
  return { kind: 'signed_link', signed: signed.toString(), signature };
}

/** The page's parameters from its query string, or the first one that is wrong. */
export function readPageParameters(search: string): PageParameters | ParameterError {
  const params = new URLSearchParams(search);
  const projectCode = params.get('projectCode');
  if (projectCode !== null && projectCode.trim() === '')
    return { parameter: 'projectCode', message: 'blueprint.error.projectCode' };
  const layersText = params.get('layers');
  const layers = layersText === null ? null : parseLayers(layersText);
  if (layersText !== null && !layers) return { parameter: 'layers', message: 'blueprint.error.layers' };
  const bboxText = params.get('bbox');
  const bbox = bboxText === null ? null : parseBbox(bboxText);
  if (bboxText !== null && !bbox) return { parameter: 'bbox', message: 'blueprint.error.bbox' };
  const credential = credentialOf(params);
  if ('parameter' in credential) return credential;
  return {
    request: { projectCode: projectCode?.trim() ?? null, layers, bbox },
    credential,
    query: params.toString(),
  };
}

/**
 * What the page's map requests carry for the credential: the key, or the signed link packed in one
 * parameter (the map service has LAYERS and BBOX of its own) with its signature.
 */
export function credentialParams(credential: Credential): Record<string, string> {
  switch (credential.kind) {
    case 'none':
      return {};
    case 'apikey':
      return { apikey: credential.apikey };
    case 'signed_link':
      return { link: credential.signed, signature: credential.signature };
  }
}
