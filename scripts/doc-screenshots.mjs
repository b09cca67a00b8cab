// Takes the screenshots in docs/adding-a-council.md from the built authoring page (dist/author/):
// `node scripts/doc-screenshots.mjs` after scripts/serve.sh or scripts/test.sh has built it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serve, launch, repo } from '../tests/e2e/support.mjs';

const out = path.join(repo, 'docs/images');
const server = await serve('dist');
const browser = await launch({ viewport: { width: 1100, height: 900 } });
const page = await browser.newPage();
const shot = (name) => page.screenshot({ path: path.join(out, `${name}.png`) });
const press = async (name) => { const b = page.getByRole('button', { name, exact: true }); await b.focus(); await b.press('Enter'); };
try {
  const source = await readFile(path.join(repo, 'protocols/sources/model.txt'), 'utf8');
  await page.goto(`${server.origin}/author/`);
  await page.getByLabel('Council id').fill('testshire');
  await page.getByLabel('Council name').fill('Testshire Parish Council');
  await page.getByLabel('Type of council').fill('parish council');
  await page.getByLabel('Title of the protocol').fill('Model Protocol on Member/Officer Relations');
  await page.getByLabel("The protocol's text").fill(source);
  await shot('author-1-text');
  await press('Make the clause draft');
  await page.locator('#file-status').filter({ hasText: 'No problems' }).waitFor();
  const area = page.locator('#council-file');
  await area.fill((await area.inputValue()).replace('Mutual trust and respect', 'Mutual distrust and respect'));
  await page.locator('.author-problems .author-problem').first().waitFor();
  await page.locator('.author-problems').scrollIntoViewIfNeeded();
  await shot('author-2-problem');
  await area.fill((await area.inputValue()).replace('Mutual distrust and respect', 'Mutual trust and respect'));
  await page.locator('#file-status').filter({ hasText: 'No problems' }).waitFor();
  await press('Draft the guide');
  await page.getByRole('heading', { name: '3. The situations' }).waitFor();
  await page.locator('.author-situation-panel').scrollIntoViewIfNeeded();
  await shot('author-3-situation');
  await press('Show the preview');
  const preview = page.locator('.author-preview');
  await preview.locator('h1', { hasText: 'What is your question about?' }).waitFor();
  for (let step = 0; step < 6 && !(await preview.locator('.pg-outcome').count()); step += 1) {
    await preview.locator('input[type=radio]').last().check();
    await preview.getByRole('button', { name: 'Continue' }).click();
    await page.waitForTimeout(50);
  }
  await preview.locator('.pg-draft-banner').scrollIntoViewIfNeeded();
  await shot('author-4-preview');
  await page.getByRole('button', { name: 'Download the council file (testshire.toml)' }).scrollIntoViewIfNeeded();
  await shot('author-5-download');
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.close();
}
