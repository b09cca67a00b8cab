// The authoring page (dist/author/, crates/protocol-author), by keyboard: paste a protocol, see a
// problem beside its line and fix it, draft the guide, quote selected words and review one
// situation, preview the walk in the guide's own pages, download both files, and check the
// downloaded council file with the CLI. axe on every step; nothing is fetched after the page loads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir, mkdtemp } from 'node:fs/promises';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, launch, repo, watchErrors } from './support.mjs';

const cli = process.env.PROTOCOL_GUIDE_CLI ?? path.join(repo, 'target/debug/protocol-guide');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let server, browser, axeSource;
before(async () => {
  server = await serve('dist');
  browser = await launch({ acceptDownloads: true });
  axeSource = await readFile(`${repo}/node_modules/axe-core/axe.min.js`, 'utf8');
});
after(async () => { await browser?.close(); await server?.close(); });

async function audit(page, step) {
  // Injected through the devtools protocol: the page's CSP forbids added script tags.
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(axeSource);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  const found = result.violations.map((v) => `${step}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(found, [], `axe on ${step}`);
}

/** Activates a button from the keyboard. */
async function press(page, name) {
  const button = page.getByRole('button', { name, exact: true });
  await button.focus();
  await button.press('Enter');
}

const status = (page) => page.locator('#file-status');

test('a clerk pastes a protocol, fixes a problem, drafts, previews and downloads a file the CLI validates', async () => {
  const source = await readFile(`${repo}/protocols/sources/model.txt`, 'utf8');
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.origin}/author/`);
  await page.getByRole('heading', { name: "1. Your protocol's text" }).waitFor();
  const loaded = server.requests.length;
  await audit(page, 'empty form');

  // Leaving out the text is refused in words, with a link to the field.
  await page.getByLabel('Council id').fill('testshire');
  await press(page, 'Make the clause draft');
  await page.locator('#intro-errors').getByText("Paste the protocol's text").waitFor();
  await audit(page, 'form with an error');

  await page.getByLabel('Council name').fill('Testshire Parish Council');
  await page.getByLabel('Type of council').fill('parish council');
  await page.getByLabel('Title of the protocol').fill('Model Protocol on Member/Officer Relations');
  await page.getByLabel("The protocol's text").fill(source);
  await press(page, 'Make the clause draft');
  await status(page).filter({ hasText: 'No problems' }).waitFor();
  assert.match(await status(page).innerText(), /100\.0% of the source's words/);

  // A clause that is not word for word in the source: the problem names its line and shows it.
  const area = page.locator('#council-file');
  const draft = await area.inputValue();
  const broken = draft.replace('Mutual trust and respect', 'Mutual distrust and respect');
  const line = broken.split('\n').findIndex((l) => l.includes('Mutual distrust')) + 1;
  await area.fill(broken);
  const problem = page.locator('.author-problems .author-problem').first();
  await problem.waitFor();
  assert.match(await status(page).innerText(), /problem/);
  assert.match(await problem.innerText(), new RegExp(`Line ${line}\\b[\\s\\S]*Mutual distrust[\\s\\S]*text not found`));
  await audit(page, 'council file with a problem');
  // "Go to line" puts the caret on that line of the file.
  await press(page, `Go to line ${line}`);
  const caret = await area.evaluate((el) => el.value.slice(0, el.selectionStart).split('\n').length);
  assert.equal(caret, line);
  assert.ok(await area.evaluate((el) => document.activeElement === el));
  // Fixed by typing over the selected line, it is checked again without asking (the page redraws
  // on every key without moving the caret).
  await page.keyboard.type(draft.split('\n')[line - 1], { delay: 5 });
  await status(page).filter({ hasText: 'No problems' }).waitFor();
  assert.equal(await area.inputValue(), draft);
  assert.equal(await page.locator('.author-problems .author-problem').count(), 0);

  // Draft the guide: every situation gets a draft outcome, and the file still checks.
  await press(page, 'Draft the guide');
  await page.getByRole('heading', { name: '3. The situations' }).waitFor();
  await status(page).filter({ hasText: 'No problems' }).waitFor();
  const situations = await page.locator('.author-situation').count();
  assert.ok(situations >= 45, `${situations} situations listed`);
  assert.match(await status(page).innerText(), new RegExp(`${situations} outcomes are drafts`));
  await audit(page, 'situations');

  // The first situation: quote the first three words of its first candidate, chosen with the
  // keyboard, then give it a title and mark it reviewed.
  const panel = page.locator('.author-situation-panel');
  const clauseText = panel.locator('textarea.author-clause-text').first();
  await clauseText.focus();
  const clauseWords = await clauseText.inputValue();
  await clauseText.press('x');
  assert.equal(await clauseText.inputValue(), clauseWords, "a clause's text cannot be edited here");
  await clauseText.press('Control+Home');
  for (let i = 0; i < 3; i += 1) await clauseText.press('Control+Shift+ArrowRight');
  const selected = (await clauseText.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd))).trim().split(/\s+/).join(' ');
  assert.ok(selected.split(' ').length >= 3, `selected "${selected}"`);
  const useButton = panel.getByRole('button', { name: /^Use selected words as the quote/ }).first();
  await useButton.focus();
  await useButton.press('Enter');
  await panel.locator('.author-notice').filter({ hasText: selected }).waitFor();
  assert.ok((await area.inputValue()).includes(`quote = "${selected}"`), 'the quote is in the file');
  await page.getByLabel('Title', { exact: true }).fill('What the protocol says about this');
  await page.getByLabel('Title', { exact: true }).press('Tab');
  await page.getByLabel(/^Reviewed/).check();
  await page.locator('.author-situation-current .author-tag-done').waitFor();
  await status(page).filter({ hasText: 'No problems' }).waitFor();
  assert.match(await status(page).innerText(), new RegExp(`${situations - 1} outcomes are drafts`));
  await audit(page, 'a reviewed situation');
  await press(page, 'Next situation');
  assert.ok(await page.locator('#situation-heading').evaluate((el) => document.activeElement === el), 'focus moves to the next situation');

  // Preview: the guide's own first question, then a draft outcome with its banner.
  await press(page, 'Show the preview');
  const preview = page.locator('.author-preview');
  await preview.locator('h1', { hasText: 'What is your question about?' }).waitFor();
  await audit(page, 'preview, first question');
  for (let step = 0; step < 6 && !(await preview.locator('.pg-outcome').count()); step += 1) {
    const radios = preview.locator('input[type=radio]');
    await radios.last().check();
    await preview.getByRole('button', { name: 'Continue' }).click();
    await page.waitForTimeout(50);
  }
  await preview.locator('.pg-draft-banner', { hasText: 'Draft, not reviewed' }).waitFor();
  await audit(page, 'preview, a draft outcome');

  // Downloads: the council file as it stands; the data file only as a preview file while
  // drafts remain, as `protocol-guide compile` refuses them without --preview.
  const [tomlDownload] = await Promise.all([page.waitForEvent('download'), press(page, 'Download the council file (testshire.toml)')]);
  assert.equal(tomlDownload.suggestedFilename(), 'testshire.toml');
  await press(page, 'Download the data file (testshire.pgd)');
  await page.locator('#download-error', { hasText: 'not reviewed yet' }).waitFor();
  await audit(page, 'download refused');
  await page.getByLabel(/^Preview file/).check();
  const [dataDownload] = await Promise.all([page.waitForEvent('download'), press(page, 'Download the data file (testshire.pgd)')]);
  assert.equal(dataDownload.suggestedFilename(), 'testshire.pgd');

  // The downloaded council file validates with the CLI, its source beside it where it says.
  const dir = await mkdtemp(path.join(tmpdir(), 'pg-author-'));
  await mkdir(path.join(dir, 'sources'));
  await writeFile(path.join(dir, 'sources/testshire.txt'), source);
  const file = path.join(dir, 'testshire.toml');
  await tomlDownload.saveAs(file);
  const toml = await readFile(file, 'utf8');
  assert.ok(toml.includes('source = "sources/testshire.txt"') && toml.includes('title = "What the protocol says about this"'));
  const validated = execFileSync(cli, ['validate', file], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  assert.match(validated, new RegExp(`valid: \\d+ clauses, 100\\.0% of the source's words; ${situations} outcomes .*${situations - 1} draft`));
  // A release still refuses the drafts, naming their lines.
  const release = spawnSync(cli, ['validate', '--release', file], { cwd: repo });
  assert.equal(release.status, 1);
  assert.match(release.stderr.toString(), /is a draft/);
  // The data file is the compact format the guide's council-src loads.
  const data = await readFile(await dataDownload.path());
  assert.equal(data.subarray(0, 4).toString(), 'PGD4');

  // Nothing was fetched after the page loaded: no text left the browser.
  assert.deepEqual(server.requests.slice(loaded), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('opening the protocol as a text file fills the text box; nothing is fetched', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.origin}/author/`);
  await page.getByRole('heading', { name: "1. Your protocol's text" }).waitFor();
  const loaded = server.requests.length;
  const text = '1. Background\n\n1.1 This protocol is a short one.\n';
  await page.getByLabel(/^Open the protocol as a text file/).setInputFiles({ name: 'short.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.waitForFunction((t) => document.getElementById('source').value === t, text);
  await page.getByLabel('Council id').fill('short');
  await page.getByLabel('Council name').fill('Short Parish Council');
  await press(page, 'Make the clause draft');
  await status(page).filter({ hasText: 'No problems: 1 clause' }).waitFor();
  assert.deepEqual(server.requests.slice(loaded), []);
  assert.deepEqual(errors, []);
  await page.close();
});
