// Types for the part of geoserver-node-client 1.4 the publisher uses (the package ships none). Each
// get* resolves to undefined when GeoServer answers 404; every other failure rejects with a
// GeoServerResponseError carrying GeoServer's answer in geoServerOutput.
declare module 'geoserver-node-client' {
  export class GeoServerResponseError extends Error {
    geoServerOutput?: string;
  }

  export interface BoundingBox {
    minx: number;
    maxx: number;
    miny: number;
    maxy: number;
    crs?: string | { '@class': string; $: string };
  }

  export class GeoServerRestClient {
    constructor(url: string, user: string, password: string);
    about: {
      getVersion(): Promise<unknown>;
      exists(): Promise<boolean>;
    };
    workspaces: {
      get(name: string): Promise<{ workspace: { name: string } } | undefined>;
      create(name: string): Promise<string>;
    };
    namespaces: {
      get(prefix: string): Promise<{ namespace: { prefix: string; uri: string } } | undefined>;
    };
    datastores: {
      getDataStore(
        workspace: string,
        dataStore: string,
      ): Promise<
        | {
            dataStore: {
              name: string;
              type?: string;
              connectionParameters?: { entry: { '@key': string; $: unknown }[] };
            };
          }
        | undefined
      >;
      createPostgisStore(
        workspace: string,
        namespaceUri: string,
        dataStore: string,
        pgHost: string,
        pgPort: number,
        pgUser: string,
        pgPassword: string,
        pgSchema: string,
        pgDb: string,
        exposePk?: boolean,
      ): Promise<void>;
    };
    layers: {
      get(workspace: string, layerName: string): Promise<{ layer: Record<string, unknown> } | undefined>;
      getFeatureType(
        workspace: string,
        dataStore: string,
        name: string,
      ): Promise<{ featureType: Record<string, unknown> } | undefined>;
      publishFeatureType(
        workspace: string,
        dataStore: string,
        nativeName: string,
        name: string,
        title: string,
        srs: string,
        enabled: boolean,
        abstract?: string,
        nativeBoundingBox?: BoundingBox,
      ): Promise<void>;
      deleteFeatureType(workspace: string, dataStore: string, name: string, recurse: boolean): Promise<void>;
    };
    styles: {
      getStyleInformation(
        workspace: string,
        styleName: string,
      ): Promise<{ style: Record<string, unknown> } | undefined>;
      publish(workspace: string, name: string, sldBody: string): Promise<void>;
      delete(workspace: string, name: string, recurse?: boolean, purge?: boolean): Promise<void>;
    };
  }
}
