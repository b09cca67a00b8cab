// A council's own data file (protocol-guide compile), loaded through council-src: a good file
// shows its guide; a damaged, out-of-date or missing one shows a clear message, never a dead box.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, launch, repo, watchErrors } from './support.mjs';

const cli = process.env.PROTOCOL_GUIDE_CLI ?? path.join(repo, 'target/debug/protocol-guide');
let server, browser;

before(async () => {
  // The release build, plus data files and a page that embeds each of them.
  const site = await mkdtemp(path.join(tmpdir(), 'pg-council-src-'));
  await cp(path.join(repo, 'dist'), site, { recursive: true });
  const good = path.join(site, 'fixture.pgd');
  execFileSync(cli, ['compile', 'crates/protocol-core/tests/fixtures/valid/fixture.toml', '-o', good], { cwd: repo, stdio: 'pipe' });
  const bytes = await readFile(good);
  await writeFile(path.join(site, 'truncated.pgd'), bytes.subarray(0, Math.floor(bytes.length / 2)));
  const older = Buffer.from(bytes);
  older.write('PGD2', 0, 'latin1');
  await writeFile(path.join(site, 'older.pgd'), older);
  const csp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; img-src 'self' data:";
  await writeFile(path.join(site, 'council-src.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}"><title>council-src</title><link rel="icon" href="data:,">
<script type="module" src="protocol-guide.js"></script></head><body><main>
<protocol-guide id="good" council-src="fixture.pgd"></protocol-guide>
<protocol-guide id="again" council-src="fixture.pgd" view="reader"></protocol-guide>
<protocol-guide id="truncated" council-src="truncated.pgd"></protocol-guide>
<protocol-guide id="older" council-src="older.pgd"></protocol-guide>
<protocol-guide id="missing" council-src="no-such-file.pgd"></protocol-guide>
</main></body></html>`);
  server = await serve(site);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const inside = (page, id) => page.evaluate((id) => {
  const root = document.getElementById(id)?.shadowRoot;
  return { heading: root?.querySelector('h1')?.textContent ?? '', alert: root?.querySelector('.pg-failure[role=alert]')?.textContent ?? '' };
}, id);

test('council-src: a good file shows its guide; bad and missing files say why', async () => {
  const page = await browser.newPage();
  const consoleErrors = [];
  const pageErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.origin}/council-src.html`);
  await page.waitForFunction(() => ['good', 'again', 'truncated', 'older', 'missing'].every((id) => {
    const root = document.getElementById(id)?.shadowRoot;
    return root?.querySelector('h1, .pg-failure');
  }));
  const good = await inside(page, 'good');
  assert.match(good.heading, /What is your question about\?/, 'the loaded council starts its guide');
  assert.match((await inside(page, 'again')).heading, /Councillor\/Officer Protocol/, 'a second element reuses the file');
  assert.match((await inside(page, 'truncated')).alert, /could not be loaded: it is not a council data file this guide can read/);
  assert.match((await inside(page, 'older')).alert, /could not be loaded: it is not a council data file this guide can read \(not protocol guide data of this version\)/);
  assert.match((await inside(page, 'missing')).alert, /could not be loaded: the file was not found \(HTTP 404\)/);
  assert.equal(consoleErrors.filter((e) => e.includes('council-src')).length, 3, consoleErrors.join('\n'));
  assert.deepEqual(pageErrors, []);
  // The loaded council's guide works like any other.
  await page.locator('#good input[value="complaints"]').check();
  await page.locator('#good').getByRole('button', { name: 'Continue' }).click();
  await page.locator('#good h1', { hasText: 'Which of these is closest to your question?' }).waitFor();
  await page.close();
});
