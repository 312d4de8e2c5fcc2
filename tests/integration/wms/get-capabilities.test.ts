// GetCapabilities describes the service in Chinese and every published layer: grouped by kind, named
// ob:<code>, with its extent (EPSG:4490 latitude first), TIME dimension and a default style with a legend.
import { XMLParser } from 'fast-xml-parser';
import { startWmsServer, type WmsServer } from './wms-server';

interface XmlLayer {
  Name?: string;
  Title: string;
  CRS?: string[];
  Layer?: XmlLayer[];
  BoundingBox?: { '@_CRS': string; '@_minx': string; '@_miny': string; '@_maxx': string; '@_maxy': string }[];
  EX_GeographicBoundingBox?: Record<string, number>;
  Dimension?: { '@_name': string; '#text': string };
  Style?: { Name: string; LegendURL: { OnlineResource: { '@_xlink:href': string } } };
  '@_queryable'?: string;
}

describe('GetCapabilities', () => {
  let wms: WmsServer;
  let xml: string;
  let root: XmlLayer;
  let service: Record<string, unknown>;
  let request: Record<string, { Format: string[] }>;
  beforeAll(async () => {
    wms = await startWmsServer();
    // with a key that reads every layer: the imagery is not public
    const res = await fetch(`${wms.url}/ows?SERVICE=WMS&REQUEST=GetCapabilities&apikey=${wms.apiKey}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    xml = await res.text();
    const parsed = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['Layer', 'CRS', 'BoundingBox', 'Format'].includes(name),
    }).parse(xml) as {
      WMS_Capabilities: {
        '@_version': string;
        Service: Record<string, unknown>;
        Capability: { Request: typeof request; Layer: XmlLayer[] };
      };
    };
    expect(parsed.WMS_Capabilities['@_version']).toBe('1.3.0');
    service = parsed.WMS_Capabilities.Service;
    request = parsed.WMS_Capabilities.Capability.Request;
    root = parsed.WMS_Capabilities.Capability.Layer[0]!;
  });
  afterAll(() => wms.close());

  const allLayers = (layer: XmlLayer): XmlLayer[] => [layer, ...(layer.Layer ?? []).flatMap(allLayers)];
  const named = (name: string) => allLayers(root).find((l) => l.Name === name);

  it('names the service 一张蓝图 with an abstract', () => {
    expect(service.Name).toBe('WMS');
    expect(service.Title).toBe('一张蓝图');
    expect(String(service.Abstract)).toMatch(/一张蓝图/);
  });

  it('offers the map, feature-info and legend formats', () => {
    expect(request.GetMap!.Format).toEqual(['image/png', 'image/jpeg', 'image/webp']);
    expect(request.GetFeatureInfo!.Format).toEqual(expect.arrayContaining(['application/json', 'text/html']));
    expect(request.GetFeatureInfo!.Format.some((f) => /gml/.test(f))).toBe(true);
    expect(request['sld:GetLegendGraphic']!.Format).toContain('image/png');
    expect(xml).toMatch(/<Exception>\s*<Format>XML<\/Format>/);
  });

  it('lists the CRSs on the root layer, Gauss-Krüger zones included', () => {
    expect(root.CRS).toEqual(
      expect.arrayContaining(['EPSG:4490', 'EPSG:4326', 'EPSG:3857', 'CRS:84', 'EPSG:4538']),
    );
    expect(root.EX_GeographicBoundingBox).toBeDefined();
  });

  it('groups the layers by kind under Chinese titles', () => {
    const groups = (root.Layer ?? []).map((g) => g.Title);
    expect(groups).toEqual(expect.arrayContaining(['行政区划', '遥感影像', '各类规划', '控制线']));
    const plans = root.Layer!.find((g) => g.Title === '各类规划')!;
    expect(plans.Layer!.map((l) => l.Name)).toContain('ob:land_use_plan');
  });

  it('describes a vector layer: title, queryable, extents with EPSG:4490 latitude first, style and legend', () => {
    const layer = named('ob:land_use_plan')!;
    expect(layer.Title).toBe('控制性详细规划用地');
    expect(layer['@_queryable']).toBe('1');
    const geo = layer.EX_GeographicBoundingBox!;
    const box4490 = layer.BoundingBox!.find((b) => b['@_CRS'] === 'EPSG:4490')!;
    expect(Number(box4490['@_minx'])).toBeCloseTo(geo.southBoundLatitude!, 6);
    expect(Number(box4490['@_miny'])).toBeCloseTo(geo.westBoundLongitude!, 6);
    expect(Number(box4490['@_maxx'])).toBeCloseTo(geo.northBoundLatitude!, 6);
    expect(Number(box4490['@_maxy'])).toBeCloseTo(geo.eastBoundLongitude!, 6);
    expect(layer.Dimension?.['@_name']).toBe('time');
    expect(layer.Style?.Name).toBe('default');
    expect(layer.Style?.LegendURL.OnlineResource['@_xlink:href']).toMatch(
      /REQUEST=GetLegendGraphic&LAYER=ob%3Aland_use_plan/,
    );
  });

  it('lists imagery as an opaque layer that cannot be queried', () => {
    const imagery = named('ob:imagery_2024')!;
    expect(imagery.Title).toBe('2024年中心城区遥感影像');
    expect(imagery['@_queryable']).toBe('0');
  });

  it('points its operations at the address the request came to, with the key it carried', () => {
    expect(xml).toContain(
      `xlink:href="${wms.url}/ows?SERVICE=WMS&amp;apikey=${encodeURIComponent(wms.apiKey)}&amp;"`,
    );
  });
});
