// District names by their 6-digit code, read from the districts layer over WFS without geometry, for labels
// where the statistics API gives only the code.
import { callJson } from '../client';

const PATH =
  '/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ob:districts&OUTPUTFORMAT=application/json&PROPERTYNAME=name,admin_code';

export async function fetchDistrictNames(signal?: AbortSignal): Promise<Map<string, string>> {
  const body = await callJson<{ features: { properties: { name?: unknown; admin_code?: unknown } }[] }>(
    PATH,
    {
      signal,
    },
  );
  const names = new Map<string, string>();
  for (const { properties } of body.features)
    if (typeof properties.admin_code === 'string' && typeof properties.name === 'string')
      names.set(properties.admin_code, properties.name);
  return names;
}
