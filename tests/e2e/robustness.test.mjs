// Bad input never breaks the guide: 200 generated mangled links and 50 generated hostile attribute
// values each end on a page or a clear message, with no uncaught error and never an empty element.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchErrors } from './support.mjs';

let server, browser;
before(async () => { server = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A small seeded generator, so every run tries the same inputs and a failure can be replayed. */
function random(seed) {
  let state = seed >>> 0;
  const next = () => { state = (state * 1664525 + 1013904223) >>> 0; return state / 2 ** 32; };
  const pick = (list) => list[Math.floor(next() * list.length)];
  return { next, pick, int: (n) => Math.floor(next() * n) };
}

const SEGMENTS = ['crawley', 'guildford', 'leighton-linslade', 'model', 'pitstone', 'atlantis', 'guide', 'clause', 'ask',
  'compare', 'complaints', 'complaints.councillor-about-officer', 'media.pre-election', '8.7', 'A.common-law.2', '', '..', '.',
  '%', '%zz', '%FF%FE', '%2F', '%00', '<script>', '"\'', 'é', '\u202e', '😀', ' ', '?x=1', '&', '#', 'a'.repeat(130)];

function mangledHash(r) {
  const parts = Array.from({ length: 1 + r.int(7) }, () => r.pick(SEGMENTS));
  let hash = `#/${parts.join(r.pick(['/', '/', '//', '\\']))}`;
  if (r.next() < 0.1) hash = hash.repeat(1 + r.int(60));
  if (r.next() < 0.1) hash = hash.slice(0, r.int(hash.length));
  return hash;
}

/** What the guide shows inside an element: its heading or alert, and whether anything is there. */
function shown(page, selector) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel)?.shadowRoot ?? document.querySelector(sel);
    const heading = root?.querySelector('h1') ?? root?.querySelector('[role=alert]');
    return { heading: heading?.textContent?.trim() ?? '', text: root?.textContent?.trim().length ?? 0 };
  }, selector);
}

test('200 mangled links each show a page or "Page not found", never an empty box', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.origin}/`);
  await page.locator('[data-pg-static] h1').first().waitFor();
  const r = random(20261130);
  for (let i = 0; i < 200; i += 1) {
    const hash = mangledHash(r);
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.waitForFunction(() => !!document.querySelector('[data-pg-static] h1'));
    const { heading, text } = await shown(page, '[data-pg-static]');
    assert.ok(heading.length > 0 && text > 0, `${hash}: nothing shown`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

const VALUES = ['', ' ', 'crawley', 'CRAWLEY', 'atlantis', 'complaints', 'complaints.nope', 'guide', 'reader', 'ask', 'nonsense',
  '8.7', '99.9', '<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', "'", '\u0000', 'é', '😀'.repeat(50),
  '\u202e', 'x'.repeat(5000), 'crawley '.repeat(20), '../../etc/passwd', 'javascript:alert(1)'];

test('50 hostile attribute values each start the guide somewhere sensible, never an empty element', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  let dialogs = 0;
  page.on('dialog', (dialog) => { dialogs += 1; dialog.dismiss(); });
  await page.goto(`${server.origin}/demo.html`);
  await page.locator('#guide-crawley h1').first().waitFor();
  const r = random(7);
  for (let i = 0; i < 50; i += 1) {
    const attributes = { council: r.pick(VALUES), topic: r.pick(VALUES), view: r.pick(VALUES), clause: r.pick(VALUES) };
    // Half as a new element, half as changes to one already on the page.
    const fresh = i % 2 === 0;
    await page.evaluate(({ attributes, fresh }) => {
      let element = document.querySelector('#robustness');
      if (fresh || !element) {
        element?.remove();
        element = document.createElement('protocol-guide');
        element.id = 'robustness';
        for (const [name, value] of Object.entries(attributes)) if (value !== '') element.setAttribute(name, value);
        document.querySelector('main').append(element);
      } else {
        for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      }
    }, { attributes, fresh });
    await page.waitForFunction(() => !!document.querySelector('#robustness')?.shadowRoot?.querySelector('.pg h1, [role=alert]'));
    const { heading, text } = await shown(page, '#robustness');
    assert.ok(heading.length > 0 && text > 0, `${JSON.stringify(attributes).slice(0, 200)}: nothing shown`);
  }
  assert.equal(dialogs, 0, 'no markup in an attribute ran');
  assert.deepEqual(errors, []);
  await page.close();
});
