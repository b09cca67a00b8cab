// A good guest: one script and one element, style isolation both ways, attributes, fallbacks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, words, watchErrors } from './support.mjs';

let server, browser;
before(async () => { server = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const style = (locator, property) => locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

test('two guides on the hostile demo page work independently and look right', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.origin}/demo.html`);
  const crawley = page.locator('#guide-crawley');
  const leighton = page.locator('#guide-leighton');
  // topic="complaints" starts Crawley's guide at the complaints question.
  await crawley.locator('h1', { hasText: 'Which of these is closest to your question?' }).waitFor();
  await leighton.locator('article[data-clause="8.7"]').waitFor();

  // Hostile "* { font-size: 30px !important }" does not reach inside: body text is the reader's default size.
  assert.equal(await style(crawley.locator('.pg-radio-label').first(), 'font-size'), '16px');
  assert.equal(await style(crawley.locator('h1'), 'text-transform'), 'none');
  assert.notEqual(await style(crawley.locator('h1'), 'color'), 'rgb(255, 0, 0)');
  const continueButton = crawley.getByRole('button', { name: 'Continue' });
  assert.notEqual(await style(continueButton, 'background-color'), 'rgb(255, 105, 180)');
  // …and the guide's CSS does not leak out.
  assert.equal(await style(page.locator('main > h1'), 'color'), 'rgb(255, 0, 0)');
  assert.equal(await style(page.locator('#host-button'), 'background-color'), 'rgb(255, 105, 180)');
  // Theming through custom properties, and the host font inherited by default.
  assert.match(await style(leighton.locator('.pg-link').first(), 'color'), /rgb\(111, 44, 145\)/);
  assert.match(await style(crawley.locator('.pg').first(), 'font-family'), /Georgia/);

  // Walking one guide leaves the other, and the page URL, alone.
  const urlBefore = page.url();
  await crawley.locator('input[value="complaints.councillor-about-officer"]').check();
  await continueButton.click();
  await crawley.locator('h1', { hasText: 'Who is your complaint about?' }).waitFor();
  await crawley.locator('.pg-back-link').click();
  await crawley.locator('h1', { hasText: 'Which of these is closest' }).waitFor();
  assert.equal(page.url(), urlBefore);
  assert.ok(await leighton.locator('article[data-clause="8.7"]').isVisible());
  assert.deepEqual(errors, []);
  await page.close();
});

test('changing an attribute re-renders the guide; wrong or missing ones never break the page', async () => {
  const page = await browser.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const errors = watchErrors(page);
  await page.goto(`${server.origin}/demo.html`);
  const guide = page.locator('#guide-crawley');
  await guide.locator('h1', { hasText: 'Which of these is closest' }).waitFor();

  await guide.evaluate((el) => el.setAttribute('council', 'pitstone'));
  await guide.locator('.pg-caption', { hasText: 'Pitstone' }).waitFor();

  await guide.evaluate((el) => el.setAttribute('council', 'atlantis'));
  await guide.locator('h1', { hasText: 'Page not found' }).waitFor();
  assert.match(words(await guide.locator('.pg-not-found').innerText()), /no council called "atlantis"/);

  await guide.evaluate((el) => { el.setAttribute('council', 'guildford'); el.setAttribute('topic', 'no-such-topic'); });
  await guide.locator('h1', { hasText: 'What is your question about?' }).waitFor();
  assert.ok(warnings.some((w) => w.includes('topic "no-such-topic"')), warnings.join('\n'));

  await guide.evaluate((el) => { el.removeAttribute('council'); el.removeAttribute('topic'); });
  await guide.locator('h1', { hasText: 'Councillor and officer protocols' }).waitFor();

  // A new element added later also works; removing one tidies up.
  await page.evaluate(() => {
    const el = document.createElement('protocol-guide');
    el.id = 'late';
    el.setAttribute('council', 'model');
    el.setAttribute('view', 'ask');
    document.querySelector('main').append(el);
  });
  await page.locator('#late').getByRole('searchbox').waitFor();
  await page.evaluate(() => document.getElementById('late').remove());
  assert.deepEqual(errors, []);
  await page.close();
});

test('without JavaScript the element shows its fallback links to the static guide and the full protocol', async () => {
  const context = await launch({ javaScriptEnabled: false });
  // Closed whatever happens: an open browser would keep the test run alive.
  try {
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(`${server.origin}/demo.html`);
    // The council's static start page: the whole walk works there without script.
    await page.getByRole('link', { name: 'Use Crawley Borough Council’s protocol guide' }).click();
    await page.locator('h1', { hasText: 'What is your question about?' }).waitFor();
    assert.ok(await page.locator('.pg-choice-link').first().isVisible());
    await page.goBack();
    const fallback = page.getByRole('link', { name: /read Crawley Borough Council’s Protocol/ });
    assert.ok(await fallback.isVisible());
    await fallback.click();
    await page.getByRole('heading', { level: 1, name: 'Protocol on Councillor/Officer Relations' }).waitFor();
    assert.ok(await page.locator('#clause-6\\.2').isVisible());
  } finally {
    await context.close();
  }
});

test('the guide also works inside an iframe', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/frame.html`);
  const frame = page.frameLocator('#guide-frame');
  await frame.locator('h1', { hasText: 'What is your question about?' }).waitFor();
  await frame.locator('input[value="complaints"]').check();
  await frame.getByRole('button', { name: 'Continue' }).click();
  await frame.locator('h1', { hasText: 'Which of these is closest' }).waitFor();
  await page.close();
});
