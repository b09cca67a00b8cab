// Deep links into the reader of each council, against the release build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, exportCouncil, councilIds, words, watchErrors } from './support.mjs';

let server, browser;
before(async () => { server = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const id of councilIds()) {
  test(`${id}: a deep link opens the clause, highlighted, word for word`, async () => {
    const { clauses } = exportCouncil(id);
    const page = await browser.newPage();
    const errors = watchErrors(page);
    // The last clause and one from the middle: both need scrolling to reach.
    for (const clause of [clauses[Math.floor(clauses.length / 2)], clauses[clauses.length - 1]]) {
      await page.goto(`${server.origin}/#/${id}/clause/${encodeURIComponent(clause.id)}`);
      const card = page.locator(`article[data-clause="${clause.id}"]`);
      await card.waitFor();
      assert.match(await card.getAttribute('class'), /is-target/);
      assert.equal(await card.locator('.pg-clause-label').innerText().then(words), words(clause.label + (clause.title ? `: ${clause.title}` : '')));
      const shown = words(await card.locator('.pg-clause-text').innerText());
      for (const piece of clause.text.split(/\n\n|\n- |^- /)) {
        assert.ok(shown.includes(words(piece.replace(/^- /, ''))), `${id} ${clause.id}: "${piece.slice(0, 60)}" is shown`);
      }
      assert.ok(await card.isVisible());
      // Scrolling follows rendering; give it a moment to settle before judging.
      let box = await card.boundingBox();
      for (let i = 0; i < 20 && !(box && box.y >= 0 && box.y < 800); i++) {
        await page.waitForTimeout(100);
        box = await card.boundingBox();
      }
      assert.ok(box && box.y >= 0 && box.y < 800, `${id} ${clause.id} is scrolled into view (y=${box?.y})`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('a mangled deep link lands on a friendly not-found page with a way back', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  for (const hash of ['#/atlantis', '#/crawley/clause/99.99', '#/crawley/guide/nonsense', '#/%E0%A4%A']) {
    await page.goto(`${server.origin}/${hash}`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.locator('.pg-not-found a').click();
    await page.locator('h1:not(:has-text("Page not found"))').waitFor();
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('the reader works at 320px wide without horizontal scrolling', async () => {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 320, height: 640 });
  for (const id of councilIds()) {
    await page.goto(`${server.origin}/#/${id}`);
    await page.locator('article[data-clause]').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${id}: page is ${overflow}px wider than the viewport`);
  }
  await page.close();
});
