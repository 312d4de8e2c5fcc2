// @ts-check
// Installs what the platform needs from Debian's packages, or says the exact command when not root.
import { existsSync } from 'node:fs';
import { BootstrapError, say } from './fail.mjs';
import { run } from './run.mjs';

export const PG_BIN = '/usr/lib/postgresql/15/bin';

/** Each need: the Debian package and a file whose presence shows it is installed. */
const NEEDS = {
  postgis: { pkg: 'postgresql-15-postgis-3', file: '/usr/share/postgresql/15/extension/postgis.control' },
  postgres: { pkg: 'postgresql-15', file: `${PG_BIN}/postgres` },
  gdal: { pkg: 'gdal-bin', file: '/usr/bin/ogrinfo' },
  cjkFont: { pkg: 'fonts-noto-cjk', file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc' },
  chromium: { pkg: 'chromium', file: '/usr/bin/chromium' },
  // the report tests render, read and list the fonts of PDFs with pdftoppm, pdftotext and pdffonts
  pdfTools: { pkg: 'poppler-utils', file: '/usr/bin/pdftoppm' },
  gnuTime: { pkg: 'time', file: '/usr/bin/time' },
  mapserver: { pkg: 'mapserver-bin', file: '/usr/bin/mapserv' },
  mapserverFcgi: { pkg: 'cgi-mapserver', file: '/usr/lib/cgi-bin/mapserv' },
  lighttpd: { pkg: 'lighttpd', file: '/usr/sbin/lighttpd' },
};

/**
 * @param {{ embeddedDatabase: boolean, browser: boolean, tests?: boolean, bench?: boolean }} scope
 */
export function ensureSystemPackages(scope) {
  /** @type {(keyof typeof NEEDS)[]} */
  const wanted = ['gdal', 'cjkFont'];
  if (scope.embeddedDatabase) wanted.push('postgres', 'postgis');
  if (scope.browser) wanted.push('chromium');
  if (scope.tests) wanted.push('pdfTools');
  if (scope.bench) wanted.push('gnuTime', 'mapserver', 'mapserverFcgi', 'lighttpd');
  const missing = [...new Set(wanted.filter((k) => !existsSync(NEEDS[k].file)).map((k) => NEEDS[k].pkg))];
  if (missing.length === 0) return;

  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new BootstrapError(`missing Debian packages ${missing.join(', ')}. Run as root: ${command}`);
  }
  say(`installing Debian packages: ${missing.join(' ')} (once per machine)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-q'], { show: true, env, what: 'apt-get update' });
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], {
    show: true,
    env,
    what: `apt-get install ${missing.join(' ')}`,
  });
  for (const key of wanted) {
    if (!existsSync(NEEDS[key].file)) {
      throw new BootstrapError(`${NEEDS[key].pkg} was installed but ${NEEDS[key].file} is still missing.`);
    }
  }
}
