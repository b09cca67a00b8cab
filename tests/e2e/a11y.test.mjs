// WCAG 2.2 AA with axe-core on every screen of every council in the release build, inside the
// shadow root: the reader, each question, each outcome, ask, compare, and the error views.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { serve, launch, repo, exportCouncil, councilIds } from './support.mjs';

let server, browser, axeSource;
const summary = {};
before(async () => {
  server = await serve('dist');
  browser = await launch();
  axeSource = await readFile(`${repo}/node_modules/axe-core/axe.min.js`, 'utf8');
});
after(async () => {
  await mkdir(`${repo}/tests/output`, { recursive: true });
  await writeFile(`${repo}/tests/output/axe-summary.json`, `${JSON.stringify(summary, null, 2)}\n`);
  await browser?.close();
  await server?.close();
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe on the current page (it descends into open shadow roots) and records the result. */
async function audit(page, screen, label) {
  // Injected through the devtools protocol: the page's CSP forbids added script tags.
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(axeSource);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  const entry = (summary[screen] ??= { pages: 0, violations: 0, passes: 0 });
  entry.pages += 1;
  entry.violations += result.violations.length;
  entry.passes += result.passes.length;
  const details = result.violations.map((v) => `${label}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')}`);
  return details;
}

async function settle(page, selector) {
  await page.locator(selector).first().waitFor();
  await page.waitForTimeout(30);
}

for (const id of councilIds()) {
  test(`${id}: every screen has no axe violations`, async () => {
    const { flow } = exportCouncil(id);
    const page = await browser.newPage();
    const problems = [];
    await page.goto(`${server.origin}/#/${id}`);
    await settle(page, 'article[data-clause]');
    problems.push(...await audit(page, 'reader', `${id} reader`));

    const questions = flow.nodes.filter((n) => n.kind === 'question');
    const outcomes = flow.nodes.filter((n) => n.kind === 'outcome');
    for (const question of questions) {
      const answers = question.id === 'start' ? [] : pathTo(flow, question.id);
      await page.goto(`${server.origin}/#/${id}/guide/${answers.join('/')}`);
      await settle(page, '.pg-question h1');
      problems.push(...await audit(page, 'question', `${id} ${question.id}`));
    }
    // The error state of a question, on a fresh page so no earlier answer is preselected.
    const fresh = await browser.newPage();
    await fresh.goto(`${server.origin}/#/${id}/guide`);
    await fresh.getByRole('button', { name: 'Continue' }).click();
    await settle(fresh, '.pg-error-summary');
    problems.push(...await audit(fresh, 'question with error', `${id} error`));
    await fresh.close();

    for (const outcome of outcomes) {
      await page.goto(`${server.origin}/#/${id}/guide/${outcome.answers.join('/')}`);
      await settle(page, '.pg-outcome h1');
      problems.push(...await audit(page, 'outcome', `${id} ${outcome.id}`));
    }
    await page.goto(`${server.origin}/#/${id}/ask`);
    await page.getByRole('searchbox').fill('complain about the clerk');
    await settle(page, '.pg-result');
    problems.push(...await audit(page, 'ask', `${id} ask`));

    await page.goto(`${server.origin}/#/${id}/compare/complaints.councillor-about-officer`);
    await settle(page, '.pg-compare-column');
    problems.push(...await audit(page, 'compare', `${id} compare`));

    await page.goto(`${server.origin}/#/${id}/clause/no-such-clause`);
    await settle(page, '.pg-not-found');
    problems.push(...await audit(page, 'not found', `${id} not found`));
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('the home page, a dark theme, and the hostile demo page have no axe violations', async () => {
  const page = await browser.newPage();
  const problems = [];
  await page.goto(`${server.origin}/`);
  await settle(page, '.pg-card');
  problems.push(...await audit(page, 'home', 'home'));
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const hash of ['#/crawley/guide/complaints', '#/crawley/guide/complaints/complaints.councillor-about-officer/complaints.about-officer', '#/crawley/clause/4.2']) {
    await page.goto(`${server.origin}/${hash}`);
    await settle(page, 'h1');
    problems.push(...await audit(page, 'dark theme', `dark ${hash}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${server.origin}/demo.html`);
  await settle(page, '#guide-leighton article[data-clause]');
  problems.push(...await audit(page, 'demo page', 'demo'));
  assert.deepEqual(problems, []);
  await page.close();
});

/** Answers that reach a question: the shortest path in the exported flow. */
function pathTo(flow, target) {
  const nodes = new Map(flow.nodes.map((n) => [n.id, n]));
  const queue = [['start', []]];
  const seen = new Set(['start']);
  while (queue.length) {
    const [id, path] = queue.shift();
    if (id === target) return path;
    for (const option of nodes.get(id)?.options ?? []) {
      if (!seen.has(option.next)) { seen.add(option.next); queue.push([option.next, [...path, option.next]]); }
    }
  }
  throw new Error(`no path to ${target}`);
}
