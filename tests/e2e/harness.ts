/**
 * Shared harness for the browser tests of the built site (dist/, from `npm run build:site`): a tiny
 * static server on 127.0.0.1 and a headless Chromium driven by playwright-core, behind an offline
 * route guard that blocks and records every request to anything but the local server. Also the
 * screenshot helper and small readers of the committed evidence, so each test file checks the site
 * against its source, not against a copy of it.
 *
 * Each test file calls `useSite()` once at its top level. The bundled @sparticuz/chromium runs
 * `--single-process` and cannot open a second browser context in one browser process; vitest runs
 * every test file in its own worker, so each file gets its own browser process with ONE context.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium as playwright, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { CAPABILITIES } from '../../src/worldforge/capabilities/index.ts';
import { conformanceEvidenceSchema, type ConformanceEvidence } from '../../src/worldforge/kinds/conformance/schema.ts';
import { galleryEvidenceSchema, type GalleryEvidence } from '../../src/worldforge/kinds/galleries/schema.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const RESULTS = join(ROOT, 'test-results');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};
/** Pagefind's index chunks (`.pf_meta`, `.pf_index`, `.pf_fragment`, `.pagefind`) are binary. */
const contentType = (path: string) => CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';

/** Resolves a URL path inside dist/ (directory → index.html); null when absent or outside dist/. */
function resolveFile(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const candidate = resolve(DIST, `.${normalize(`/${decoded}`)}`);
  if (candidate !== DIST && !candidate.startsWith(DIST + sep)) return null;
  for (const path of [candidate, join(candidate, 'index.html')]) {
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  return null;
}

function startServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = resolveFile(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (!path) {
      const notFound = resolveFile('/404.html');
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(notFound ? readFileSync(notFound) : 'not found');
      return;
    }
    res.writeHead(200, { 'content-type': contentType(path), 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(path));
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done(server));
  });
}

/** `CHROMIUM_PATH` when set, else the bundled @sparticuz/chromium; the same hardening either way. */
async function launchChromium(): Promise<Browser> {
  const hardening = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (process.env.CHROMIUM_PATH) {
    return playwright.launch({ executablePath: process.env.CHROMIUM_PATH, headless: true, args: hardening });
  }
  const chromium = (await import('@sparticuz/chromium')).default;
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    headless: true,
    args: [...new Set([...chromium.args, ...hardening])],
  });
}

export interface Site {
  /** Opens `path` on the local server in a new page and asserts it answered 200. */
  open(path: string): Promise<Page>;
  /** The local server's origin, e.g. `http://127.0.0.1:41234`; set once `beforeAll` has run. */
  readonly base: string;
  /** Requests the pages tried to make to anything but the local server. */
  readonly external: readonly string[];
}

/** Sites live in this process; the single-process Chromium allows one context at a time. */
let live = 0;

/**
 * Registers `beforeAll`/`afterAll` in the calling test file: start the server, launch Chromium and
 * open the file's single browser context with the offline route guard. Call once per test file.
 */
export function useSite(): Site {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let base = '';
  const external: string[] = [];
  let counted = false;

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'index.html')) || !existsSync(join(DIST, 'providers', 'index.html'))) {
      throw new Error(`dist/ is missing or incomplete (${DIST}): run \`npm run build:site\` before the browser tests.`);
    }
    if (live > 0) throw new Error('useSite() is already live in this process: call it once per test file (one browser context).');
    live += 1;
    counted = true;
    server = await startServer();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    // The site must work offline: block and record anything that is not the local server.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${base}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      external.push(url);
      return route.abort();
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    if (counted) live -= 1;
  });

  return {
    async open(path: string): Promise<Page> {
      const page = await context!.newPage();
      const response = await page.goto(`${base}${path}`, { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
      return page;
    },
    get base() {
      return base;
    },
    external,
  };
}

const SCREENSHOT_WIDTHS = { wide: { width: 1280, height: 900 }, narrow: { width: 390, height: 844 } };

/** Full-page screenshots at a wide and a narrow width; the narrow page must not scroll sideways. */
export async function screenshots(page: Page, name: string) {
  mkdirSync(RESULTS, { recursive: true });
  for (const [label, viewport] of Object.entries(SCREENSHOT_WIDTHS)) {
    await page.setViewportSize(viewport);
    const file = join(RESULTS, `${name}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(1000);
  }
  // Narrow screens must not scroll the whole page sideways (tables may scroll inside themselves).
  await page.setViewportSize(SCREENSHOT_WIDTHS.narrow);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name}: horizontal page overflow at 390px`).toBeLessThanOrEqual(0);
}

/** Reads one committed evidence file as JSON; callers parse it with its shared schema. */
export const readJson = (...path: string[]): unknown => JSON.parse(readFileSync(join(ROOT, 'evidence', ...path), 'utf8'));

export function readEvidence(provider: string): ConformanceEvidence {
  const text = readFileSync(join(ROOT, 'evidence', 'conformance', `${provider}.json`), 'utf8');
  return conformanceEvidenceSchema().parse(JSON.parse(text));
}

/** Capabilities the evidence backs as passed: advertised, and the `<cap>/call` case passed. */
export const passedCapabilities = (evidence: ConformanceEvidence) =>
  CAPABILITIES.filter(
    (cap) =>
      evidence.body.profile.capabilities.includes(cap) && evidence.body.cases.some((c) => c.id === `${cap}/call` && c.status === 'passed'),
  );

/** Every gallery evidence file, read from the directory so new galleries are covered unlisted. */
export function readGalleries(): { file: string; evidence: GalleryEvidence }[] {
  return readdirSync(join(ROOT, 'evidence', 'galleries'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ file: `evidence/galleries/${name}`, evidence: galleryEvidenceSchema().parse(readJson('galleries', name)) }));
}
