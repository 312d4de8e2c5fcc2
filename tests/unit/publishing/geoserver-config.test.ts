// Where GeoServer finds PostGIS (DATABASE_URL, with overrides for how GeoServer reaches it), and the
// publisher's own settings checked when it is made, not halfway through a publish.
import { GeoServerPublisher, geoServerDatabaseSettings, PublishingError } from '../../../layers/publishing';
import { tileLayerXml, truncateLayerXml } from '../../../layers/publishing/gwc-layer';

const database = geoServerDatabaseSettings('postgres://blueprint:secret@127.0.0.1:55432/one_blueprint');

describe('GeoServer settings', () => {
  it('takes the store settings from DATABASE_URL, decoding user and password', () => {
    expect(
      geoServerDatabaseSettings('postgresql://geo%40x:p%40ss%3Aw%2Frd@db.internal:6432/city_db'),
    ).toEqual({
      host: 'db.internal',
      port: 6432,
      database: 'city_db',
      user: 'geo@x',
      password: 'p@ss:w/rd',
      schema: 'published',
    });
    expect(geoServerDatabaseSettings('postgres://u@db/blueprint').port).toBe(5432);
  });

  it('lets each setting be replaced for how GeoServer reaches PostGIS', () => {
    expect(
      geoServerDatabaseSettings('postgres://blueprint:secret@127.0.0.1:55432/one_blueprint', {
        host: 'postgis',
        port: 5432,
        user: 'geoserver_reader',
        password: undefined,
      }),
    ).toEqual({
      host: 'postgis',
      port: 5432,
      database: 'one_blueprint',
      user: 'geoserver_reader',
      password: 'secret',
      schema: 'published',
    });
  });

  it('refuses a database URL that is not postgres://', () => {
    expect(() => geoServerDatabaseSettings('mysql://x@y/z')).toThrow(PublishingError);
    expect(() => geoServerDatabaseSettings('not a url')).toThrow(/DATABASE_URL is not a postgres:\/\/ URL/);
  });

  it('checks the GeoServer URL and names when the publisher is made', () => {
    const config = { url: 'http://geoserver:8080/geoserver', user: 'admin', password: 'geoserver', database };
    const publisher = new GeoServerPublisher(config);
    expect([publisher.workspace, publisher.datastore]).toEqual(['one_blueprint', 'published']);
    expect(() => new GeoServerPublisher({ ...config, url: 'geoserver:8080' })).toThrow(
      /must be an http\(s\) URL/,
    );
    expect(() => new GeoServerPublisher({ ...config, url: '/geoserver' })).toThrow(
      /GEOSERVER_URL is not a URL/,
    );
    expect(() => new GeoServerPublisher({ ...config, workspace: 'one blueprint' })).toThrow(
      /not a GeoServer workspace name/,
    );
    expect(() => new GeoServerPublisher({ ...config, datastore: '../styles' })).toThrow(
      /not a GeoServer datastore name/,
    );
  });
});

describe('GeoWebCache tile layer', () => {
  it('names the layer, its formats and grid sets, escaping the name', () => {
    const xml = tileLayerXml('one_blueprint:land_use_plan');
    expect(xml).toContain('<name>one_blueprint:land_use_plan</name>');
    expect(xml).toMatch(
      /<mimeFormats>\s*<string>image\/png<\/string>\s*<string>image\/jpeg<\/string>\s*<\/mimeFormats>/,
    );
    expect(xml).toMatch(
      /<gridSetName>EPSG:4326<\/gridSetName>[\s\S]*<gridSetName>EPSG:900913<\/gridSetName>/,
    );
    expect(truncateLayerXml('a<b')).toBe('<truncateLayer><layerName>a&lt;b</layerName></truncateLayer>');
  });
});
