// The JavaScript a browser downloads before the first screen: the entry chunk of the built
// admin and every chunk it imports statically (what index.html preloads), raw, gzip and brotli.
// Usage: node admin/scripts/initial-size.mjs [--max-gzip-kb=260]
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
if (!entry) throw new Error('no module script in dist/index.html: build the admin first');

/** Static imports only (`import … from "./x.js"`, `import "./x.js"`), not `import()`. */
const staticImports = (code) =>
  [
    ...code.matchAll(
      /\b(?:import|export)\s*(?:[\w$\s{},*]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g,
    ),
  ].map((m) => m[1]);

const seen = new Map();
const visit = (file) => {
  if (seen.has(file)) return;
  const code = readFileSync(join(dist, file));
  const brotli = brotliCompressSync(code, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
  }).length;
  seen.set(file, { raw: code.length, gzip: gzipSync(code).length, brotli });
  for (const spec of staticImports(code.toString('utf8'))) {
    visit(join(dirname(file), spec));
  }
};
visit(entry);

const print = (line) => process.stdout.write(`${line}\n`);
// kB of 1000 bytes, as Vite reports them.
const kb = (bytes) => (bytes / 1000).toFixed(2);
let raw = 0;
let gzip = 0;
let brotli = 0;
for (const [file, size] of [...seen].sort((a, b) => b[1].gzip - a[1].gzip)) {
  raw += size.raw;
  gzip += size.gzip;
  brotli += size.brotli;
  print(
    `${file.padEnd(48)} ${kb(size.raw).padStart(8)} kB │ gzip ${kb(size.gzip).padStart(7)} kB │ brotli ${kb(size.brotli).padStart(7)} kB`,
  );
}
const entrySize = seen.get(entry);
print(`\nentry chunk ${entry}: ${kb(entrySize.raw)} kB raw, ${kb(entrySize.gzip)} kB gzip`);
print(
  `initial JS (${seen.size} chunks): ${kb(raw)} kB raw, ${kb(gzip)} kB gzip, ${kb(brotli)} kB brotli`,
);

const max = Number(process.argv.find((a) => a.startsWith('--max-gzip-kb='))?.split('=')[1]);
if (max && gzip / 1000 > max) {
  console.error(`initial JS is over ${max} kB gzip`);
  process.exit(1);
}
