// The allow-list of sites that may frame the standard page: BLUEPRINT_FRAME_ANCESTORS (default 'self'),
// the former FRAME_ANCESTORS read as before ('self' and those hosts), and a value that is not a list of
// CSP sources (which could smuggle another directive in) refused at start.
import { ConfigError, readConfig } from '../../spatial-api';

const read = (env: Record<string, string>) =>
  readConfig({ DATABASE_URL: 'postgres://defaults-only', ...env }).hardening.frameAncestors;

describe('BLUEPRINT_FRAME_ANCESTORS', () => {
  it("defaults to 'self'", () => {
    expect(read({})).toEqual(["'self'"]);
  });

  it('takes a comma-separated list of sources as it is', () => {
    expect(
      read({ BLUEPRINT_FRAME_ANCESTORS: "'self', https://oa.example.gov.cn, https://*.gov.cn:8443" }),
    ).toEqual(["'self'", 'https://oa.example.gov.cn', 'https://*.gov.cn:8443']);
    expect(read({ BLUEPRINT_FRAME_ANCESTORS: "'none'" })).toEqual(["'none'"]);
  });

  it('reads the former FRAME_ANCESTORS as hosts beside the platform itself', () => {
    expect(read({ FRAME_ANCESTORS: 'https://oa.example.gov.cn' })).toEqual([
      "'self'",
      'https://oa.example.gov.cn',
    ]);
  });

  it.each(['https://a.example; script-src *', 'https://a.example b.example', "'unsafe-inline'"])(
    'refuses %s',
    (value) => {
      expect(() => read({ BLUEPRINT_FRAME_ANCESTORS: value })).toThrow(ConfigError);
    },
  );
});
