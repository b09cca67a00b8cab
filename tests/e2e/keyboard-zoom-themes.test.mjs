// As people use it: keyboard only, zoomed, dark, reduced motion, forced colours, printed, and
// on a phone. Screenshots of the walk go to tests/output/screenshots for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { serve, launch, repo, words, watchErrors } from './support.mjs';

let server, browser;
before(async () => { server = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The focused element inside the guide's shadow root, described. */
async function focused(page) {
  return page.evaluate(() => {
    // The standalone site's guide is in the page; an embed's is in its shadow root.
    const root = document.querySelector('protocol-guide')?.shadowRoot ?? document;
    const el = document.querySelector('[data-pg-static]') ? document.activeElement : root.activeElement;
    if (!el) return null;
    const style = getComputedStyle(el);
    const label = el.id ? root.querySelector(`label[for="${el.id}"]`) : null;
    const labelStyle = label ? getComputedStyle(label, '::before') : null;
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type'),
      value: el.getAttribute('value'),
      text: el.textContent.trim().slice(0, 60),
      visible: el.matches(':focus-visible'),
      indicator: [style.outlineStyle !== 'none' && style.outlineWidth !== '0px', style.boxShadow !== 'none',
        style.backgroundColor === 'rgb(255, 221, 0)', labelStyle?.boxShadow && labelStyle.boxShadow !== 'none'].some(Boolean),
    };
  });
}

async function tabTo(page, predicate, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now && predicate(now)) return now;
  }
  throw new Error('could not reach the element with Tab');
}

test('a full walk with the keyboard alone, focus always visible and moved to each new heading', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.origin}/#/leighton-linslade/guide`);
  await page.locator('h1', { hasText: 'What is your question about?' }).waitFor();
  for (const [index, value] of ['complaints', 'complaints.councillor-about-officer', 'complaints.about-town-clerk'].entries()) {
    // Into the radio group, then arrow keys to the answer (arrow keys also select it).
    const first = await tabTo(page, (f) => f.type === 'radio');
    assert.ok(first.visible && first.indicator, `focus is visible on the radios (step ${index + 1})`);
    for (let i = 0; i < 20 && (await focused(page)).value !== value; i++) await page.keyboard.press('ArrowDown');
    assert.equal((await focused(page)).value, value);
    // Tab into a group with nothing chosen focuses the first radio without choosing it: Space does.
    await page.keyboard.press('Space');
    const button = await tabTo(page, (f) => f.tag === 'button');
    assert.ok(button.visible && button.indicator, 'focus is visible on Continue');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(150);
    const heading = await focused(page);
    assert.equal(heading?.tag, 'h1', `focus moves to the new heading after step ${index + 1}`);
  }
  await page.locator('h1', { hasText: 'Raise it with the Town Mayor' }).waitFor();
  // And back again by keyboard: the Back link has a meaningful name.
  const back = await tabTo(page, (f) => f.tag === 'a' && f.text === 'Back to the previous question');
  assert.ok(back.visible && back.indicator, 'focus is visible on links');
  await page.keyboard.press('Enter');
  await page.locator('input[value="complaints.about-town-clerk"]:checked').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('reflow: no sideways scrolling at 320px or at 200% zoom, on every kind of screen', async () => {
  const page = await browser.newPage();
  const screens = ['#/', '#/pitstone', '#/crawley/guide', '#/crawley/guide/complaints/complaints.councillor-about-officer/complaints.about-senior-officer',
    '#/guildford/ask', '#/crawley/compare/complaints.councillor-about-officer', '#/nowhere'];
  // 320 CSS px wide, and 1280px at 200% zoom (640 CSS px).
  for (const size of [{ width: 320, height: 640 }, { width: 640, height: 400 }]) {
    await page.setViewportSize(size);
    for (const hash of screens) {
      await page.goto(`${server.origin}/${hash}`);
      await page.locator('h1').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${hash} at ${size.width}px overflows by ${overflow}px`);
    }
  }
  await page.close();
});

test('dark theme, reduced motion and forced colours are honoured', async () => {
  const page = await browser.newPage();
  const background = () => page.locator('.pg').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  await page.goto(`${server.origin}/#/crawley/clause/4.2`);
  await page.locator('article.is-target').waitFor();
  assert.equal(await background(), 'rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await background(), 'rgb(23, 25, 27)');
  const transition = () => page.locator('article.is-target').evaluate((el) => getComputedStyle(el).transitionDuration);
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  assert.equal(await transition(), '0.3s');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  assert.equal(await transition(), '0s');
  await page.goto(`${server.origin}/#/leighton-linslade/guide/complaints/complaints.councillor-about-officer/complaints.about-town-clerk`);
  await page.emulateMedia({ forcedColors: 'active' });
  const mark = await page.locator('mark.pg-quote').first().evaluate((el) => getComputedStyle(el).forcedColorAdjust);
  assert.equal(mark, 'none', 'quotes keep their Mark colours in forced-colours mode');
  await page.close();
});

test('print shows the outcome with its full quoted clauses, council, document and adoption', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/#/leighton-linslade/guide/complaints/complaints.councillor-about-officer/complaints.about-town-clerk`);
  await page.locator('.pg-cited-clause').first().waitFor();
  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('.pg-print-only');
  assert.ok(await printed.isVisible());
  assert.equal(words(await printed.innerText()), 'Leighton-Linslade Town Council: Councillor/Officer Protocol (Adopted by Council (date TBC))');
  assert.ok(words(await page.locator('.pg-cited-clause').first().innerText()).includes('In the event that a Councillor is dissatisfied with the conduct, behaviour or performance of an Officer'));
  for (const hidden of ['.pg-back-link', '.pg-actions', '.pg-leave']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
  }
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000, 'prints to a PDF');
  await page.close();
});

test('screenshots of the walk at 360×740 and 1280×800, light and dark', async () => {
  const dir = `${repo}/tests/output/screenshots`;
  await mkdir(dir, { recursive: true });
  const page = await browser.newPage();
  const steps = [
    ['1-start', '#/crawley/guide'],
    ['2-topic', '#/crawley/guide/complaints'],
    ['3-question', '#/crawley/guide/complaints/complaints.councillor-about-officer'],
    ['4-outcome', '#/crawley/guide/complaints/complaints.councillor-about-officer/complaints.about-senior-officer'],
    ['5-ask', '#/crawley/ask'],
    ['6-compare', '#/crawley/compare/complaints.councillor-about-officer'],
  ];
  for (const [width, height] of [[360, 740], [1280, 800]]) {
    await page.setViewportSize({ width, height });
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, hash] of steps) {
        await page.goto(`${server.origin}/${hash}`);
        await page.locator('h1').first().waitFor();
        if (name === '5-ask') {
          await page.getByRole('searchbox').fill('who do I complain to about an officer');
          await page.locator('.pg-result').first().waitFor();
        }
        await page.screenshot({ path: `${dir}/${name}-${width}x${height}-${scheme}.png` });
      }
    }
  }
  await page.close();
});
