// Plain HTTP to GeoServer for what geoserver-node-client does not offer (updating a style, store, feature
// type or layer in place; GeoWebCache), and the first request of every publish, whose status tells a wrong
// password (401) from an unreachable server. Failures become PublishingErrors naming the step.
import { PublishingError } from './publishing-error';

export interface RestResponse {
  status: number;
  text: string;
}

export class GeoServerRest {
  private readonly authorization: string;

  constructor(
    /** e.g. http://geoserver:8080/geoserver, without a trailing slash */
    readonly baseUrl: string,
    readonly user: string,
    password: string,
  ) {
    this.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }

  /** A GeoServer REST URL: `${baseUrl}/rest/${path}`. */
  rest(path: string): string {
    return `${this.baseUrl}/rest/${path}`;
  }

  /** A GeoWebCache REST URL: `${baseUrl}/gwc/rest/${path}`. */
  gwc(path: string): string {
    return `${this.baseUrl}/gwc/rest/${path}`;
  }

  /**
   * Sends one request and returns status and body. Throws when GeoServer cannot be reached or refuses
   * the credentials; any other status is the caller's to judge.
   */
  async send(
    method: string,
    url: string,
    body?: { contentType: string; text: string },
  ): Promise<RestResponse> {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          Authorization: this.authorization,
          Accept: 'application/json, application/xml;q=0.9, */*;q=0.5',
          ...(body ? { 'Content-Type': body.contentType } : {}),
        },
        ...(body ? { body: body.text } : {}),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new PublishingError(
        'geoserver_unreachable',
        `无法连接GeoServer / GeoServer at ${this.baseUrl} cannot be reached (${cause?.code ?? cause?.message ?? (error as Error).message}): check GEOSERVER_URL and that GeoServer is running`,
        { url: this.baseUrl },
      );
    }
    const text = await response.text();
    if (response.status === 401 || response.status === 403) {
      // GeoServer answers 401 to bad credentials and 403 to a user without the ADMIN role REST requires
      throw new PublishingError(
        'geoserver_unauthorized',
        `GeoServer拒绝了用户“${this.user}”的凭据 / GeoServer at ${this.baseUrl} refused the credentials of user "${this.user}" (HTTP ${response.status} on ${method} ${new URL(url).pathname}): check GEOSERVER_USER and GEOSERVER_PASSWORD, and that the user has the ADMIN role`,
        { url: this.baseUrl, user: this.user, status: response.status },
      );
    }
    return { status: response.status, text };
  }

  /** Sends and requires a 2xx answer; `what` names the step in the error. */
  async expectOk(
    what: string,
    method: string,
    url: string,
    body?: { contentType: string; text: string },
  ): Promise<RestResponse> {
    const response = await this.send(method, url, body);
    if (response.status < 200 || response.status > 299) {
      throw new PublishingError(
        'geoserver_request_failed',
        `GeoServer请求失败 / GeoServer refused ${what} (HTTP ${response.status} on ${method} ${new URL(url).pathname}): ${response.text.slice(0, 500)}`,
        { url, status: response.status, step: what },
      );
    }
    return response;
  }
}
