import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/testServer.ts';

const SCRIPT = `export const greeting = ${JSON.stringify('Hei, verden! '.repeat(400))};\n`;
const WORKER = `self.addEventListener('fetch', () => {});\n`;
const MANIFEST = JSON.stringify({ name: 'Samplan', start_url: '/' });
const HTML = `<!doctype html><html lang="nb"><body><div id="root"></div>${'<!-- fyll -->'.repeat(100)}</body></html>`;

/** GET with an explicit Accept-Encoding (fetch would decode the body and hide the encoding). */
function get(
  url: string,
  acceptEncoding: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serving the built web app', () => {
  let server: TestServer;
  let webDist: string;

  beforeAll(async () => {
    // A build as vite writes it: hashed assets with their .br and .gz copies, and index.html.
    webDist = mkdtempSync(join(tmpdir(), 'samplan-web-dist-'));
    mkdirSync(join(webDist, 'assets'));
    const script = join(webDist, 'assets', 'app-Ab12Cd34.js');
    writeFileSync(script, SCRIPT);
    writeFileSync(`${script}.br`, brotliCompressSync(SCRIPT));
    writeFileSync(`${script}.gz`, gzipSync(SCRIPT));
    writeFileSync(join(webDist, 'index.html'), HTML);
    writeFileSync(join(webDist, 'index.html.br'), brotliCompressSync(HTML));
    writeFileSync(join(webDist, 'sw.js'), WORKER);
    writeFileSync(join(webDist, 'manifest.webmanifest'), MANIFEST);
    server = await startTestServer({ WEB_DIST: webDist });
  });
  afterAll(async () => {
    await server.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('sends the brotli copy to a browser that accepts it, the gzip one otherwise, and the file as is last', async () => {
    const url = `${server.url}/assets/app-Ab12Cd34.js`;
    const br = await get(url, 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 5);
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);

    const gz = await get(url, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const plain = await get(url, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('lets browsers keep hashed assets for a year, and has them ask again for index.html', async () => {
    const asset = await get(`${server.url}/assets/app-Ab12Cd34.js`, 'br');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    // A client-side route gets index.html (compressed too), never cached without asking.
    const page = await get(`${server.url}/planer/abc/mal`, 'br');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.body).toString()).toBe(HTML);
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('still answers an unknown API path with a JSON 404, not the page', async () => {
    const res = await get(`${server.url}/api/finnes-ikke`, 'br');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body.toString())).toEqual({ error: { code: 'NOT_FOUND', message: 'Fant ikke ressursen' } });
  });
});

describe('serving the offline shell', () => {
  let server: TestServer;
  let webDist: string;

  beforeAll(async () => {
    webDist = mkdtempSync(join(tmpdir(), 'samplan-web-dist-'));
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(join(webDist, 'assets', 'app-Ab12Cd34.js'), SCRIPT);
    writeFileSync(join(webDist, 'index.html'), HTML);
    writeFileSync(join(webDist, 'sw.js'), WORKER);
    writeFileSync(join(webDist, 'manifest.webmanifest'), MANIFEST);
    // A low limit: the shell's files do not count against it, the API does.
    server = await startTestServer({ WEB_DIST: webDist, RATE_LIMIT_MAX: '10' });
  });
  afterAll(async () => {
    await server.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('serves the service worker at the root, asked again each time, under a CSP that allows it and the manifest', async () => {
    const worker = await get(`${server.url}/sw.js`, 'identity');
    expect(worker.status).toBe(200);
    expect(worker.headers['content-type']).toMatch(/javascript/);
    expect(worker.headers['cache-control']).toBe('no-cache');
    expect(worker.body.toString()).toBe(WORKER);
    const csp = String(worker.headers['content-security-policy']);
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
    expect(csp).toContain("script-src 'self';");

    const manifest = await get(`${server.url}/manifest.webmanifest`, 'identity');
    expect(manifest.headers['content-type']).toMatch(/application\/manifest\+json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');
  });

  it('does not count the shell files against the rate limit (a service worker fetches them all at once)', async () => {
    for (let i = 0; i < 30; i++) {
      const path = ['/sw.js', '/manifest.webmanifest', '/assets/app-Ab12Cd34.js'][i % 3]!;
      expect((await get(`${server.url}${path}`, 'identity')).status).toBe(200);
    }
    let last = 0;
    for (let i = 0; i < 15 && last !== 429; i++) last = (await get(`${server.url}/planer/abc`, 'identity')).status;
    expect(last).toBe(429);
  });
});
