// The login page's ?next= address: where the user was, and only addresses of this client to return to.
import { loginPath, safeNext } from '../../../map-client/src/session/loginPath';

describe('loginPath', () => {
  it('keeps the path, query and hash of the page the user was on', () => {
    expect(loginPath({ pathname: '/layers/imagery_2024', search: '?kind=imagery', hash: '#versions' })).toBe(
      `/login?next=${encodeURIComponent('/layers/imagery_2024?kind=imagery#versions')}`,
    );
  });

  it('needs no next for the map page nor for the login page itself', () => {
    expect(loginPath({ pathname: '/' })).toBe('/login');
    expect(loginPath({ pathname: '/login', search: '?next=%2Flayers' })).toBe('/login');
  });
});

describe('safeNext', () => {
  it('returns to a path of the client', () => {
    expect(safeNext('/layers/land_use_plan?kind=plan')).toBe('/layers/land_use_plan?kind=plan');
    expect(safeNext('/new-layer')).toBe('/new-layer');
  });

  it.each([
    ['no next', null],
    ['an empty next', ''],
    ['another site', 'https://example.com/'],
    ['a protocol-relative address', '//example.com/layers'],
    ['a backslash address browsers read as another host', '/\\example.com'],
    ['a relative path', 'layers'],
    ['the login page (a loop)', '/login?next=%2Flogin'],
  ])('goes to the map page for %s', (_case, next) => {
    expect(safeNext(next)).toBe('/');
  });
});
