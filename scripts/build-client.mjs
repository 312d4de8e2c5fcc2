// @ts-check
// Builds map-client into map-client/dist with esbuild, skipping the build when nothing changed: the pages
// split into chunks, every asset under a content-hashed name with its gzip and brotli forms beside it, and
// index.html pointing at the hashed entry (meta.json keeps esbuild's account of what went where).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

const ENTRY = 'map-client/src/main.tsx';
/** the text assets worth compressing (images and fonts are compressed already) */
const COMPRESSIBLE = /\.(js|css|map|svg|json|txt)$/;

/** @param {string} dir @returns {string[]} */
function filesUnder(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });
}

/** @param {string} root */
function sourceHash(root) {
  const hash = createHash('sha256');
  for (const file of [
    ...filesUnder(path.join(root, 'map-client/src')),
    path.join(root, 'map-client/index.html'),
    path.join(root, 'package-lock.json'),
    fileURLToPath(import.meta.url),
  ]) {
    hash.update(path.relative(root, file)).update(readFileSync(file));
  }
  return hash.digest('hex');
}

/**
 * The page's entry script and stylesheet by their hashed names, and the chunks the entry imports statically
 * (preloaded so they are fetched alongside it rather than after it).
 * @param {import('esbuild').Metafile} metafile @param {string} root @param {string} dist
 */
function entryAssets(metafile, root, dist) {
  const entry = path.relative(root, path.join(root, ENTRY)).split(path.sep).join('/');
  const [file, output] =
    Object.entries(metafile.outputs).find(([, o]) => o.entryPoint === entry) ??
    (() => {
      throw new Error(`esbuild wrote no output for ${entry}`);
    })();
  /** @param {string} out */
  const url = (out) => '/' + path.relative(dist, path.join(root, out)).split(path.sep).join('/');
  if (!output.cssBundle) throw new Error(`${entry} has no stylesheet`);
  return {
    script: url(file),
    stylesheet: url(output.cssBundle),
    preloads: output.imports
      .filter((i) => i.kind === 'import-statement' && !i.external)
      .map((i) => url(i.path)),
  };
}

/**
 * index.html with the hashed names put in for /assets/app.js and /assets/app.css.
 * @param {string} template @param {ReturnType<typeof entryAssets>} assets
 */
function indexHtml(template, { script, stylesheet, preloads }) {
  const preloadTags = preloads.map((href) => `    <link rel="modulepreload" href="${href}" />\n`).join('');
  const html = template
    .replace('href="/assets/app.css"', `href="${stylesheet}"`)
    .replace('src="/assets/app.js"', `src="${script}"`)
    .replace('  </head>', `${preloadTags}  </head>`);
  if (!html.includes(script) || !html.includes(stylesheet)) {
    throw new Error('map-client/index.html must link /assets/app.css and /assets/app.js');
  }
  return html;
}

/**
 * Beside every compressible asset, its gzip (.gz) and brotli (.br) forms at their best levels, so the
 * server sends them without compressing per request.
 * @param {string} dir
 */
function precompress(dir) {
  for (const file of filesUnder(dir).filter((f) => COMPRESSIBLE.test(f))) {
    const bytes = readFileSync(file);
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(bytes, {
        params: {
          [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
          [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
    );
  }
}

/** @param {string} root */
export async function buildClientIfStale(root) {
  const dist = path.join(root, 'map-client/dist');
  const stamp = path.join(dist, '.source.sha256');
  const hash = sourceHash(root);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  process.stdout.write('» building the map client\n');
  const esbuild = await import('esbuild');
  // hashed names change with every build: the old ones go, so dist holds one build
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const { metafile } = await esbuild.build({
    entryPoints: [path.join(root, ENTRY)],
    bundle: true,
    outdir: path.join(dist, 'assets'),
    // content-hashed names, so the server can let browsers cache them for good
    entryNames: '[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'media/[name]-[hash]',
    // each page a chunk of its own (App.tsx imports them lazily), shared code in common chunks
    splitting: true,
    format: 'esm',
    jsx: 'automatic',
    minify: true,
    sourcemap: 'linked',
    target: 'es2022',
    loader: { '.css': 'css' },
    metafile: true,
    logLevel: 'warning',
  });
  const template = readFileSync(path.join(root, 'map-client/index.html'), 'utf8');
  writeFileSync(path.join(dist, 'index.html'), indexHtml(template, entryAssets(metafile, root, dist)));
  writeFileSync(path.join(dist, 'meta.json'), JSON.stringify(metafile));
  precompress(path.join(dist, 'assets'));
  writeFileSync(stamp, hash);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  await buildClientIfStale(root);
}
