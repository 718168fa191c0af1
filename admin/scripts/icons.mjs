// Draws the PNG icons of the web app manifest from the SVGs in public/ (the handshake of the
// login page, white on the theme's blue) with Debian's chromium. The PNGs are committed: run
// this again only when an SVG changes. Usage: node admin/scripts/icons.mjs
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const PUBLIC = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'public');
const ICONS = [
  { svg: 'favicon.svg', png: 'icon-192.png', size: 192 },
  { svg: 'favicon.svg', png: 'icon-512.png', size: 512 },
  { svg: 'icon-maskable.svg', png: 'icon-maskable-512.png', size: 512 },
  { svg: 'favicon.svg', png: 'apple-touch-icon.png', size: 180 },
];

const profile = await mkdtemp(join(tmpdir(), 'generattivi-icons-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  for (const { svg, png, size } of ICONS) {
    await page.setViewportSize({ width: size, height: size });
    const markup = readFileSync(join(PUBLIC, svg), 'utf8');
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${markup}`,
    );
    await page.screenshot({ path: join(PUBLIC, png), omitBackground: true });
    process.stdout.write(`${png} (${size}×${size})\n`);
  }
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
}
