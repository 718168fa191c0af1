// Reads a PDF with pdf.js: prints {pages: [{text, items: [{str, y}]}]} as JSON (y in points
// from the bottom of the page); with a second argument, also renders the first page to that PNG
// file. Run as a child process by pdf.ts (pdf.js is an ES module, which Jest's CommonJS runtime
// does not load).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const [file, png] = process.argv.slice(2);
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const pdf = await getDocument({
  data: new Uint8Array(readFileSync(file)),
  standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
  verbosity: 0,
}).promise;

const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const items = (await page.getTextContent()).items.filter((item) => 'str' in item);
  pages.push({
    text: items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join(''),
    items: items
      .filter((item) => item.str.trim())
      .map((item) => ({ str: item.str, y: item.transform[5] })),
  });
}

if (png) {
  const page = await pdf.getPage(1);
  const viewport = page.getViewport({ scale: 1.5 });
  const { canvas, context } = pdf.canvasFactory.create(viewport.width, viewport.height);
  await page.render({ canvas, canvasContext: context, viewport }).promise;
  writeFileSync(png, canvas.toBuffer('image/png'));
}

process.stdout.write(JSON.stringify({ pages }));
