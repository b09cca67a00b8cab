// The npm-style package (pkg/, built by scripts/package.sh) holds everything a council web team
// vendors, and works from its own folder on a page that is not ours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp, cp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, launch, repo } from './support.mjs';

test('pkg/ is a complete package that a host page can load from a vendor folder', async () => {
  const manifest = JSON.parse(await readFile(path.join(repo, 'pkg/package.json'), 'utf8'));
  assert.equal(manifest.module, 'protocol-guide.js');
  for (const file of manifest.files) {
    await readFile(path.join(repo, 'pkg', file.replace(/\/$/, '/index.html')));
  }
  // A council site with the package under /vendor/protocol-guide/.
  const site = await mkdtemp(path.join(tmpdir(), 'pg-site-'));
  await cp(path.join(repo, 'pkg'), path.join(site, 'vendor/protocol-guide'), { recursive: true });
  await writeFile(path.join(site, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council site</title>
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; img-src 'self' data:">
    <link rel="icon" href="data:,"><script type="module" src="vendor/protocol-guide/protocol-guide.js"></script></head>
    <body><main><h1>Our council</h1><protocol-guide council="guildford" view="ask"></protocol-guide></main></body></html>`);
  const server = await serve(site);
  const browser = await launch();
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.origin}/`);
  await page.getByRole('searchbox', { name: 'Describe your situation' }).fill('who interprets the protocol');
  await page.locator('.pg-result').first().waitFor();
  assert.deepEqual(errors, []);
  await browser.close();
  await server.close();
});
