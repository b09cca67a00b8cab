// The static site: every page is real HTML that works without JavaScript, every link in it leads
// somewhere real, and the wasm takes over a page without changing what it shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { serve, launch, repo, exportCouncil, councilIds, words, watchErrors } from './support.mjs';

const dist = path.join(repo, 'dist');
let server, scripted, scriptless, axeSource;
before(async () => {
  server = await serve('dist');
  scripted = await launch();
  scriptless = await launch({ javaScriptEnabled: false });
  axeSource = await readFile(`${repo}/node_modules/axe-core/axe.min.js`, 'utf8');
});
after(async () => { await scripted?.close(); await scriptless?.close(); await server?.close(); });

/** Every page the build wrote, as a path below the site's root ('' for the home page). */
async function pages(dir = dist, prefix = '') {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    // plain/ holds the plain-text protocols and author/ the authoring page: not pages of the guide.
    if (entry.isDirectory() && !(dir === dist && ['plain', 'author'].includes(entry.name))) found.push(...await pages(path.join(dir, entry.name), `${prefix}${entry.name}/`));
    else if (entry.name === 'index.html') found.push(prefix);
  }
  return found;
}

const exists = (file) => stat(file).then((s) => s.isFile(), () => false);

test('every internal link on every static page leads to a page (and an anchor) that exists', async () => {
  const all = await pages();
  assert.ok(all.length > 600, `${all.length} pages`);
  const ids = new Map();
  const idsOf = async (file) => {
    if (!ids.has(file)) ids.set(file, new Set([...(await readFile(file, 'utf8')).matchAll(/ id="([^"]+)"/g)].map((m) => m[1])));
    return ids.get(file);
  };
  const broken = [];
  let checked = 0;
  for (const page of all) {
    const html = await readFile(path.join(dist, page, 'index.html'), 'utf8');
    const base = new URL(page, 'http://site.test/');
    for (const [, href] of html.matchAll(/ (?:href|src)="([^"]*)"/g)) {
      const url = new URL(href.replaceAll('&amp;', '&'), base);
      if (url.origin !== 'http://site.test' || href.startsWith('data:')) continue;
      checked += 1;
      const target = path.join(dist, decodeURIComponent(url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname));
      if (!(await exists(target))) { broken.push(`${page || '/'}: ${href}`); continue; }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && target.endsWith('.html') && !(await idsOf(target)).has(anchor)) broken.push(`${page || '/'}: ${href} (no #${anchor})`);
    }
  }
  assert.deepEqual(broken.slice(0, 20), [], `${broken.length} broken of ${checked} links`);
  // Each page's subresource-integrity hashes match the files (a stale one blocks the script).
  const digests = new Map();
  const digest = async (file) => {
    if (!digests.has(file)) digests.set(file, `sha384-${createHash('sha384').update(await readFile(file)).digest('base64')}`);
    return digests.get(file);
  };
  const stale = [];
  for (const page of all) {
    const html = await readFile(path.join(dist, page, 'index.html'), 'utf8');
    for (const [tag] of html.matchAll(/<link\b[^>]*integrity="[^"]*"[^>]*>/g)) {
      const href = tag.match(/href="([^"]*)"/)[1];
      const integrity = tag.match(/integrity="([^"]*)"/)[1];
      const file = path.join(dist, new URL(href, new URL(page, 'http://site.test/')).pathname);
      if ((await digest(file)) !== integrity) stale.push(`${page || '/'}: ${href}`);
    }
  }
  assert.deepEqual(stale.slice(0, 10), [], `${stale.length} stale integrity hashes`);
  const sitemap = await readFile(path.join(dist, 'sitemap.xml'), 'utf8');
  assert.equal([...sitemap.matchAll(/<loc>/g)].length, all.length, 'the sitemap lists every page');
});

for (const id of councilIds()) {
  test(`${id}: without JavaScript, every topic leads by links to an outcome with its clauses quoted`, async () => {
    const exported = exportCouncil(id);
    const labels = new Map(exported.clauses.map((c) => [c.id, c.label]));
    const byId = new Map(exported.flow.nodes.map((n) => [n.id, n]));
    const page = await scriptless.newPage();
    await page.goto(`${server.origin}/`);
    await page.getByRole('link', { name: `Start the guide for ${exported.council.name}` }).click();
    await page.locator('h1', { hasText: 'What is your question about?' }).waitFor();
    assert.equal(await page.locator('input[type=radio]').first().isVisible(), false, 'radios need script');
    const topics = await page.locator('.pg-choice-link').evaluateAll((links) => links.map((a) => a.href));
    assert.ok(topics.length >= 5, `${id}: ${topics.length} topics`);
    for (const topic of topics) {
      await page.goto(topic);
      // Follow the first answer of each question until an outcome.
      for (let step = 0; step < 8 && !(await page.locator('.pg-outcome').count()); step += 1) {
        await page.locator('.pg-choice-link').first().click();
        await page.waitForLoadState('domcontentloaded');
      }
      const reached = new URL(page.url()).pathname.replace(/\/$/, '').split('/').pop();
      const outcome = byId.get(reached);
      assert.ok(outcome?.kind === 'outcome', `${id}: ${page.url()} is an outcome`);
      await page.locator('h1').filter({ hasText: outcome.title }).waitFor();
      const shown = words(await page.locator('.pg-outcome').innerText());
      const marks = (await page.locator('mark.pg-quote').allInnerTexts()).map(words);
      for (const cite of outcome.cites) {
        assert.ok(shown.includes(words(labels.get(cite.clause))), `${id}/${outcome.id}: label of ${cite.clause}`);
        assert.ok(marks.some((m) => m.includes(words(cite.quote))), `${id}/${outcome.id}: quote from ${cite.clause}`);
      }
      // Your answers and Change work as links too.
      const change = page.locator('.pg-answers a').first();
      if (await change.count()) assert.match(await change.getAttribute('href'), /\/$/);
    }
    await page.close();
  });
}

/** The guide's markup as text and structure: tags, attributes and words, comments left out. */
const snapshot = () => {
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent;
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const attributes = [...node.attributes].map((a) => `${a.name}=${a.value}`).sort().join(' ');
    return `<${node.localName} ${attributes}>${[...node.childNodes].map(walk).join('')}</${node.localName}>`;
  };
  return walk(document.querySelector('[data-pg-static]'));
};

test('30 pages across the councils: once the guide takes over, the DOM is the static DOM, with no console error', async () => {
  const all = (await pages()).filter((p) => p !== '');
  // An even spread over the sorted list: every council, every kind of page.
  const sample = Array.from({ length: 30 }, (_, i) => all[Math.floor((i * all.length) / 30)]);
  sample[0] = '';
  for (const page of sample) {
    const url = `${server.origin}/${page}`;
    const plain = await scriptless.newPage();
    await plain.goto(url);
    const before = await plain.evaluate(snapshot);
    await plain.close();
    const live = await scripted.newPage();
    const errors = watchErrors(live);
    await live.goto(url);
    await live.waitForSelector('html[data-pg-ready]', { state: 'attached' });
    await live.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const after = await live.evaluate(snapshot);
    assert.equal(after, before, `${page}: taking over changed the page`);
    assert.ok(await live.evaluate(() => document.activeElement === document.body), `${page}: focus stayed where it was`);
    assert.deepEqual(errors, [], page);
    await live.close();
  }
});

test('taking over a page keeps the scroll position and the focused element', async () => {
  const page = await scripted.newPage();
  // The wasm is held back until the person has scrolled and moved focus, as on a slow connection.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/protocol-guide-app_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.setViewportSize({ width: 400, height: 500 });
  await page.goto(`${server.origin}/pitstone/`, { waitUntil: 'commit' });
  await page.locator('.pg-toc a').nth(5).waitFor();
  await page.evaluate(() => { window.scrollTo(0, 900); document.querySelectorAll('.pg-toc a')[5].focus({ preventScroll: true }); });
  const before = await page.evaluate(() => ({ y: window.scrollY, text: document.activeElement.textContent, ready: document.documentElement.hasAttribute('data-pg-ready') }));
  assert.equal(before.ready, false, 'the guide had not yet taken over');
  release();
  await page.waitForSelector('html[data-pg-ready]', { state: 'attached' });
  const after = await page.evaluate(() => ({ y: window.scrollY, text: document.activeElement.textContent, inGuide: !!document.activeElement.closest('[data-pg-static]') }));
  assert.equal(after.y, before.y);
  assert.equal(after.text, before.text);
  assert.ok(after.inGuide, 'the focused link is the live guide\'s');
  await page.close();
});

test('a page the guide has taken over moves on through the History API, and Back returns to the static page', async () => {
  const page = await scripted.newPage();
  const errors = watchErrors(page);
  const requests = [];
  await page.goto(`${server.origin}/crawley/guide/`);
  await page.waitForSelector('html[data-pg-ready]', { state: 'attached' });
  page.on('request', (r) => requests.push(r.url()));
  await page.locator('input[value="complaints"]').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/crawley\/guide\/complaints\/$/);
  await page.locator('input[value^="complaints."]').first().waitFor();
  assert.match(await page.title(), / – Crawley Borough Council – Council Protocol Guide$/);
  await page.goBack();
  await page.locator('h1', { hasText: 'What is your question about?' }).waitFor();
  assert.ok(page.url().endsWith('/crawley/guide/'), page.url());
  assert.deepEqual(requests, [], 'moving within the guide loads nothing');
  // An old #/ link still works: it lands on its own path.
  await page.goto(`${server.origin}/#/pitstone/guide/complaints`);
  await page.waitForURL(/\/pitstone\/guide\/complaints\/$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('static pages have no axe violations with JavaScript off', async () => {
  const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
  const all = await pages();
  const sample = ['', ...councilIds().flatMap((id) => [`${id}/`, `${id}/guide/`, `${id}/ask/`]),
    ...Array.from({ length: 12 }, (_, i) => all[Math.floor((i * all.length) / 12)])];
  const violations = [];
  for (const p of sample) {
    // Script is off for the page; axe itself is evaluated through the devtools protocol.
    const page = await scripted.newPage();
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      if (!response.headers()['content-type']?.startsWith('text/html')) return route.fulfill({ response });
      const body = (await response.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
      return route.fulfill({ response, body });
    });
    await page.goto(`${server.origin}/${p}`);
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('pg-js')), false);
    await page.evaluate(axeSource);
    const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
    violations.push(...result.violations.map((v) => `${p || '/'}: ${v.id}: ${v.help} — ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')}`));
    await page.close();
  }
  assert.deepEqual(violations, []);
});
