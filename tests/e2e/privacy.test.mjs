// Nothing leaves the browser: no request after the first load, none to another origin, and
// nothing stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdir } from 'node:fs/promises';
import { serve, launch, repo, watchErrors } from './support.mjs';

let server, browser;
before(async () => { server = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a walk, a search and a compare make no requests and store nothing', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  const log = [];
  let phase = 'initial load';
  page.on('request', (request) => log.push({ phase, url: request.url(), type: request.resourceType() }));
  await page.goto(`${server.origin}/`);
  await page.locator('h1', { hasText: 'Councillor and officer protocols' }).waitFor();
  phase = 'after load';

  // A full walk by clicking, from the start page.
  await page.getByRole('link', { name: 'Start the guide for Leighton-Linslade Town Council' }).click();
  for (const value of ['complaints', 'complaints.councillor-about-officer', 'complaints.about-town-clerk']) {
    await page.locator(`input[value="${value}"]`).check();
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.locator('h1', { hasText: 'Raise it with the Town Mayor' }).waitFor();
  await page.getByRole('link', { name: 'How do other councils handle this?' }).click();
  await page.locator('.pg-compare-column').nth(4).waitFor();
  // An old #/ link typed into the address bar: the guide moves there without loading anything.
  await page.evaluate(() => { location.hash = '#/crawley/ask'; });
  await page.getByRole('searchbox').pressSequentially('my wife works for the council', { delay: 10 });
  await page.locator('.pg-result').first().waitFor();
  await page.locator('.pg-result a').first().click();
  await page.locator('.pg-outcome').waitFor();
  await page.getByRole('link', { name: 'Start again' }).click();
  await page.waitForTimeout(300);

  const origin = new URL(server.origin).origin;
  const foreign = log.filter((entry) => new URL(entry.url).origin !== origin && !entry.url.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request leaves the page’s own origin');
  const later = log.filter((entry) => entry.phase === 'after load');
  assert.deepEqual(later, [], 'no request follows the initial load');

  assert.deepEqual(await page.context().cookies(), []);
  const storage = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).length,
  }));
  assert.deepEqual(storage, { local: 0, session: 0, indexedDB: 0 });
  assert.deepEqual(errors, []);

  await mkdir(`${repo}/tests/output`, { recursive: true });
  await writeFile(`${repo}/tests/output/privacy-request-log.json`, `${JSON.stringify(log.map(({ phase: p, url, type }) => ({ phase: p, path: new URL(url).pathname, type })), null, 2)}\n`);
  await page.close();
});
