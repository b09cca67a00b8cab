// Against the test-only build (target/dist-fixtures): a council full of markup renders inert,
// and a deliberate panic shows a readable message, never an empty box.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch } from './support.mjs';

let server, browser;
before(async () => { server = await serve('target/dist-fixtures'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('hostile clause and guidance text renders as inert text', async () => {
  const page = await browser.newPage();
  let dialogs = 0;
  page.on('dialog', (dialog) => { dialogs += 1; dialog.dismiss(); });
  for (const hash of ['#/hostile', '#/hostile/guide/asking-officers/asking-officers.instructing', '#/hostile/ask', '#/hostile/compare/asking-officers.instructing']) {
    await page.goto(`${server.origin}/${hash}`);
    await page.locator('h1').first().waitFor();
    if (hash.endsWith('/ask')) {
      await page.getByRole('searchbox').fill('officers script chamber');
      await page.locator('.pg-result').first().waitFor();
    }
    await page.waitForTimeout(200);
    const found = await page.evaluate(() => {
      const root = document.querySelector('protocol-guide')?.shadowRoot ?? document.querySelector('[data-pg-static]');
      return { elements: root.querySelectorAll('script, img, b, i').length, text: root.textContent };
    });
    assert.equal(found.elements, 0, `${hash}: markup became elements`);
    assert.ok(found.text.includes('<script>document.title='), `${hash}: markup is shown as text`);
    // The title now names the page (and so shows the hostile name as text); no script set it.
    assert.ok(!(await page.title()).startsWith('pwned'), `${hash}: no injected script ran`);
  }
  assert.equal(dialogs, 0);
  await page.close();
});

test('a panic shows a readable message with a link to the plain protocols', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/`);
  await page.locator('[data-pg-static] h1').first().waitFor();
  // The test build's wasm exports a deliberate panic; the page's own module instance runs it.
  await page.evaluate(() => import('./protocol-guide-app.js').then((module) => module.panic_for_tests()).catch(() => {}));
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Sorry, the protocol guide stopped working\./);
  const link = alert.getByRole('link', { name: 'the protocols in full' });
  await link.click();
  await page.getByRole('heading', { level: 1, name: 'Councillor and officer protocols' }).waitFor();
  await page.close();
});
