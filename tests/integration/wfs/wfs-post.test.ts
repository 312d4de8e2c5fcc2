// WFS 2.0 requests in the XML encoding over POST (as OpenLayers' WFS format writes them) answer the same
// as the same request as a GET; a body that is not well-formed, declares entities or asks for two Queries
// is refused with an exception report.
import { useTestServer } from '../../support/test-server';

const server = useTestServer();

const NAMESPACES =
  'xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:ob="https://one-blueprint.example/ows"';

const post = (body: string, path = '/ows') =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body });

async function exception(res: Response): Promise<{ status: number; code?: string; locator?: string }> {
  const text = await res.text();
  return {
    status: res.status,
    code: text.match(/exceptionCode="([^"]+)"/)?.[1],
    locator: text.match(/locator="([^"]*)"/)?.[1],
  };
}

interface Collection {
  numberMatched: number;
  features: { id: string; properties: Record<string, unknown> }[];
}

describe('WFS 2.0 over POST', () => {
  it('answers a GetFeature with a Filter, SortBy and paging like the same GET', async () => {
    const filter =
      '<fes:Filter><fes:And>' +
      '<fes:PropertyIsLike wildCard="*" singleChar="." escapeChar="!"><fes:ValueReference>ob:name</fes:ValueReference><fes:Literal>*区</fes:Literal></fes:PropertyIsLike>' +
      '<fes:BBOX><fes:ValueReference>geom</fes:ValueReference><gml:Envelope srsName="urn:ogc:def:crs:EPSG::4490"><gml:lowerCorner>43.0 86.5</gml:lowerCorner><gml:upperCorner>44.6 88.6</gml:upperCorner></gml:Envelope></fes:BBOX>' +
      '</fes:And></fes:Filter>';
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<wfs:GetFeature service="WFS" version="2.0.0" outputFormat="application/json" count="3" startIndex="1" ${NAMESPACES}>
  <wfs:Query typeNames="ob:districts" srsName="EPSG:4490">
    <wfs:PropertyName>ob:name</wfs:PropertyName>
    ${filter}
    <fes:SortBy><fes:SortProperty><fes:ValueReference>ob:name</fes:ValueReference><fes:SortOrder>DESC</fes:SortOrder></fes:SortProperty></fes:SortBy>
  </wfs:Query>
</wfs:GetFeature>`;
    const res = await post(body);
    expect(res.status).toBe(200);
    const posted = (await res.json()) as Collection;
    const viaGet = (await (
      await fetch(
        `${server.url}/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ob:districts&OUTPUTFORMAT=application/json&COUNT=3&STARTINDEX=1&SRSNAME=EPSG:4490&PROPERTYNAME=name&SORTBY=name%20DESC&FILTER=${encodeURIComponent(`<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2">${filter.slice('<fes:Filter>'.length)}`)}`,
      )
    ).json()) as Collection;
    expect(posted.numberMatched).toBe(7);
    expect(posted.features).toHaveLength(3);
    expect(posted).toEqual({ ...viaGet, timeStamp: (posted as unknown as { timeStamp: string }).timeStamp });
    expect(Object.keys(posted.features[0]!.properties)).toEqual(['name']);
  });

  it('answers GetCapabilities and DescribeFeatureType, also at /wfs', async () => {
    const capabilities = await post(`<wfs:GetCapabilities service="WFS" ${NAMESPACES}/>`);
    expect(capabilities.status).toBe(200);
    const document = await capabilities.text();
    expect(document).toContain('ob:land_use_plan');
    expect(document).toMatch(/<ows:Post xlink:href="[^"]+\/ows"\/>/);
    expect(document).toMatch(/name="XMLEncoding"><ows:NoValues\/><ows:DefaultValue>TRUE/);
    const schema = await post(
      `<wfs:DescribeFeatureType service="WFS" version="2.0.0" ${NAMESPACES}><wfs:TypeName>ob:districts</wfs:TypeName></wfs:DescribeFeatureType>`,
      '/wfs',
    );
    expect(schema.status).toBe(200);
    expect(await schema.text()).toContain('name="districts"');
  });

  it.each([
    ['not well-formed XML', '<wfs:GetFeature service="WFS"', 'OperationParsingFailed', 'request'],
    [
      'an entity declaration (XXE)',
      `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><wfs:GetFeature service="WFS" version="2.0.0" ${NAMESPACES}><wfs:Query typeNames="ob:districts"/></wfs:GetFeature>`,
      'OperationParsingFailed',
      'request',
    ],
    [
      'two Queries',
      `<wfs:GetFeature service="WFS" version="2.0.0" ${NAMESPACES}><wfs:Query typeNames="ob:districts"/><wfs:Query typeNames="ob:blue_line"/></wfs:GetFeature>`,
      'InvalidParameterValue',
      'Query',
    ],
    [
      'an unknown operation',
      `<wfs:Transaction service="WFS" version="2.0.0" ${NAMESPACES}/>`,
      'OperationNotSupported',
      'REQUEST',
    ],
    [
      'a filter on an unknown property',
      `<wfs:GetFeature service="WFS" version="2.0.0" ${NAMESPACES}><wfs:Query typeNames="ob:districts"><fes:Filter><fes:PropertyIsEqualTo><fes:ValueReference>nope</fes:ValueReference><fes:Literal>1</fes:Literal></fes:PropertyIsEqualTo></fes:Filter></wfs:Query></wfs:GetFeature>`,
      'InvalidParameterValue',
      'FILTER',
    ],
  ])('refuses %s', async (_name, body, code, locator) => {
    expect(await exception(await post(body))).toEqual({ status: 400, code, locator });
  });

  it('refuses a body over the size limit with a 413 report', async () => {
    const res = await post(`<wfs:GetFeature service="WFS">${' '.repeat(11 * 1024 * 1024)}</wfs:GetFeature>`);
    expect(await exception(res)).toEqual({ status: 413, code: 'OperationParsingFailed', locator: 'request' });
  });
});
