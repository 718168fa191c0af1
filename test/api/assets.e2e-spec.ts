import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ROOT, startServer, type TestServer } from '../support/server';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The status line and the headers as they came over the wire, in bytes. */
  headerBytes: number;
}

/** A GET as a browser sends it, the body as it came over the wire (not decoded). */
function rawGet(base: string, path: string, acceptEncoding?: string, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      new URL(path, base),
      { method, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let head = `HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage}\r\n`;
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            head += `${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`;
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            headerBytes: Buffer.byteLength(`${head}\r\n`),
          });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the admin as it travels', () => {
  let server: TestServer;
  let entry: string;
  let plain: Buffer;

  beforeAll(async () => {
    server = await startServer();
    const html = readFileSync(join(ROOT, 'admin/dist/index.html'), 'utf8');
    entry = /<script type="module"[^>]*src="([^"]+)"/.exec(html)![1];
    plain = readFileSync(join(ROOT, 'admin/dist', entry));
  });
  afterAll(() => server.stop());

  it('sends a hashed script brotli-compressed to a browser that takes brotli, cached for a year', async () => {
    const res = await rawGet(server.url, entry, 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toContain('accept-encoding');
    expect(brotliDecompressSync(res.body).equals(plain)).toBe(true);
    expect(res.body.length).toBeLessThan(plain.length / 3);
  });

  it('sends gzip to a browser that takes only gzip', async () => {
    const res = await rawGet(server.url, entry, 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(res.body).equals(plain)).toBe(true);
  });

  it('sends the file as it is to a client that asks for no encoding', async () => {
    const res = await rawGet(server.url, entry);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(plain)).toBe(true);
  });

  it('has the page itself checked again on every visit', async () => {
    for (const path of ['/', '/pacts/1/show']) {
      const res = await rawGet(server.url, path, 'gzip, br');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('answers HEAD for a file of the build with its headers and no body', async () => {
    const res = await rawGet(server.url, entry, 'br', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body.length).toBe(0);
  });

  it('answers a path that names no file of the build with the page, never with a file beside it', async () => {
    const page = readFileSync(join(ROOT, 'admin/dist/index.html'));
    for (const path of [
      '/assets/nothing-here.js',
      '/%2e%2e/package.json',
      '/assets/../index.html',
    ]) {
      const res = await rawGet(server.url, path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body.equals(page)).toBe(true);
    }
  });

  it('has a file that is not hashed checked again on every use', async () => {
    const res = await rawGet(server.url, '/index.html', 'gzip, br');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves the service worker checked again on every use, so that a new build replaces it', async () => {
    const res = await rawGet(server.url, '/sw.js', 'gzip, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['cache-control']).toBe('no-cache');
    // It falls back to the page for navigations, never for /api.
    const code = res.body.toString('utf8');
    expect(code).toContain('"/index.html"');
    expect(code).toContain('denylist:[/^\\/api(\\/|$)/]');
  });

  it('describes the installable app in Italian, with its icons', async () => {
    const res = await rawGet(server.url, '/manifest.webmanifest');
    expect(res.status).toBe(200);
    const manifest = JSON.parse(res.body.toString('utf8')) as {
      name: string;
      short_name: string;
      description: string;
      lang: string;
      theme_color: string;
      icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
    };
    expect(manifest).toMatchObject({ name: 'GenerAttivi', short_name: 'GenerAttivi', lang: 'it' });
    expect(manifest.description).toMatch(/patti GenerAttivi/);
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`);
    expect(sizes).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );
    for (const icon of manifest.icons) {
      const png = await rawGet(server.url, icon.src);
      expect(png.status).toBe(200);
      expect(png.headers['content-type']).toBe('image/png');
      expect(png.body.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
  });

  /**
   * What a browser fetches before the login form can be used, as `npm run bench:web` counts it
   * (the bytes of each response, its headers included, as they travel): the page, the scripts
   * it loads and preloads with every script they import statically, its style sheets and the
   * app's manifest. Not what is imported dynamically (the admin, its wording), fetched later.
   */
  async function firstScreen(): Promise<{ bytes: number; paths: string[]; code: string }> {
    const ACCEPT = 'gzip, deflate, br, zstd';
    const decoded = (res: Raw) =>
      res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.body) : res.body;
    const page = await rawGet(server.url, '/', ACCEPT);
    const html = decoded(page).toString('utf8');
    const linked = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]);
    const scripts = [
      ...linked(/<script type="module"[^>]*src="([^"]+)"/g),
      ...linked(/<link rel="modulepreload"[^>]*href="([^"]+)"/g),
    ];
    const others = [
      ...linked(/<link rel="stylesheet"[^>]*href="([^"]+)"/g),
      ...linked(/<link rel="manifest"[^>]*href="([^"]+)"/g),
    ];
    let bytes = page.headerBytes + page.body.length;
    let code = '';
    const paths: string[] = [];
    const fetchOnce = async (path: string) => {
      if (paths.includes(path)) return undefined;
      paths.push(path);
      const res = await rawGet(server.url, path, ACCEPT);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      bytes += res.headerBytes + res.body.length;
      return res;
    };
    // Each script with the scripts it imports statically (`import … from "./x.js"`).
    while (scripts.length > 0) {
      const path = scripts.shift()!;
      const res = await fetchOnce(path);
      if (!res) continue;
      const text = decoded(res).toString('utf8');
      code += text;
      for (const m of text.matchAll(
        /\b(?:import|export)\s*(?:[\w$\s{},*]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g,
      )) {
        scripts.push(new URL(m[1], new URL(path, server.url)).pathname);
      }
    }
    for (const path of others) await fetchOnce(path);
    return { bytes, paths, code };
  }

  it('sends what the login form needs in 250 KB or less, headers included, as brotli travels', async () => {
    const { bytes, paths } = await firstScreen();
    expect(paths).toContain(entry);
    expect(paths).toContain('/manifest.webmanifest');
    expect(bytes).toBeLessThanOrEqual(250_000);
  });

  it("sends the login page's wording first and the admin's with the admin", async () => {
    const { code, paths } = await firstScreen();
    // The login page's own words, in the first scripts…
    const found = (words: string[]) => words.filter((word) => code.includes(word));
    const login = ['Accedi', 'Patti GenerAttivi, progetto Fare Legami'];
    expect(found(login)).toEqual(login);
    // …not those of the admin's pages (the maker's home, a pact's diary), nor the admin itself.
    expect(found(['I miei patti', 'Ora nel patto'])).toEqual([]);
    expect(paths.filter((path) => /\/(App|it|en)-[\w-]+\.js$/.test(path))).toEqual([]);
  });
});
