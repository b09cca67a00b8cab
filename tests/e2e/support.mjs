// Shared by the end-to-end tests: a static server for a build folder, Debian's Chromium via
// playwright-core, and the CLI's JSON export as the source of truth for what must be shown.
import { createServer } from 'node:http';
import { readFile, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.txt': 'text/plain; charset=utf-8', '.json': 'application/json', '.xml': 'application/xml',
};

/** Serves `dir` on 127.0.0.1 at a free port; `requests` logs every path asked for. */
export async function serve(dir) {
  const root = path.resolve(repo, dir);  // dir may be absolute
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    // A folder's page is its index.html, as on any static host.
    const file = path.join(root, decodeURIComponent(url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(r)) };
}

export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** A fresh browser profile each time, so no state leaks between tests. */
export async function launch(options = {}) {
  const profile = await mkdtemp(path.join(tmpdir(), 'pg-e2e-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs,
    viewport: { width: 1280, height: 800 }, ...options,
  });
}

const cli = process.env.PROTOCOL_GUIDE_CLI ?? path.join(repo, 'target/debug/protocol-guide');

export function exportCouncil(id) {
  return JSON.parse(execFileSync(cli, ['export', '--council', id], { cwd: repo, maxBuffer: 64 << 20 }).toString());
}

export function councilIds() {
  return JSON.parse(execFileSync(cli, ['list'], { cwd: repo }).toString()).councils.map((c) => c.id);
}

/** Layout-insensitive text, matching how the guide and its checks compare words. */
export function words(text) {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/** Fails the test on any uncaught page error or console error. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  return errors;
}
