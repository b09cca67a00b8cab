// Walks to every outcome of every council in the release build, through the real radios and
// Continue button, and checks what a person sees there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, exportCouncil, councilIds, words, watchErrors } from './support.mjs';

let server, browser;
before(async () => { server = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function answer(page, value) {
  await page.locator(`input[type=radio][value="${value}"]`).check();
  await page.getByRole('button', { name: 'Continue' }).click();
}

// Each coverage state says its own thing, and only that: a page on which the protocol says
// something never claims it is silent.
function assertCoverageWording(text, outcome, labels, where) {
  const silent = ['This protocol does not cover this.', 'does not address this situation', 'says nothing'];
  if (outcome.coverage === 'full') {
    for (const phrase of [...silent, 'What this protocol does not say']) assert.ok(!text.includes(phrase), `${where}: full page says "${phrase}"`);
  } else if (outcome.coverage === 'partial') {
    assert.ok(text.includes('Partly covered'), `${where}: partial page is labelled`);
    assert.ok(text.includes('What this protocol does not say') && text.includes(words(outcome.gap)), `${where}: gap shown`);
    for (const phrase of silent) assert.ok(!text.includes(phrase), `${where}: partial page says "${phrase}"`);
  } else {
    assert.equal(outcome.coverage, 'none');
    assert.ok(text.includes('This protocol does not cover this.'), `${where}: silence stated`);
    for (const related of outcome.related ?? []) assert.ok(text.includes(words(labels.get(related.clause))), `${where}: related ${related.clause} listed`);
  }
}

async function expectQuestionWithChoice(page, value) {
  const radio = page.locator(`input[type=radio][value="${value}"]`);
  await radio.waitFor();
  assert.ok(await radio.isChecked(), `going back keeps "${value}" chosen`);
}

for (const id of councilIds()) {
  test(`${id}: every outcome is reached by walking, with its clauses and quotes shown`, async () => {
    const exported = exportCouncil(id);
    const labels = new Map(exported.clauses.map((c) => [c.id, c.label]));
    const outcomes = exported.flow.nodes.filter((n) => n.kind === 'outcome');
    assert.ok(outcomes.length >= 45, `${id} has an outcome for each situation`);
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.origin}/#/${id}/guide`);
    for (const outcome of outcomes) {
      await page.locator('h1', { hasText: 'What is your question about?' }).waitFor();
      for (const value of outcome.answers) await answer(page, value);
      const heading = page.locator('h1');
      await heading.filter({ hasText: outcome.title }).waitFor();
      const url = page.url();
      // The standalone site keeps each step at its own path, a real page of the static site.
      assert.ok(url.endsWith(`/${id}/guide/${outcome.answers.join('/')}/`), url);

      const cited = words(await page.locator('.pg-outcome').innerText());
      for (const cite of outcome.cites) {
        assert.ok(cited.includes(words(labels.get(cite.clause))), `${id}/${outcome.id}: label of ${cite.clause} shown`);
      }
      const marks = (await page.locator('mark.pg-quote').allInnerTexts()).map(words);
      for (const cite of outcome.cites) {
        assert.ok(marks.some((m) => m.includes(words(cite.quote))), `${id}/${outcome.id}: quote from ${cite.clause} highlighted`);
      }
      assertCoverageWording(cited, outcome, labels, `${id}/${outcome.id}`);

      const lastAnswer = outcome.answers[outcome.answers.length - 1];
      await page.goBack();
      await expectQuestionWithChoice(page, lastAnswer);
      await page.goForward();
      await heading.filter({ hasText: outcome.title }).waitFor();
      await page.locator('.pg-back-link').click();
      await expectQuestionWithChoice(page, lastAnswer);

      const shared = await browser.newPage();
      await shared.goto(url);
      await shared.locator('h1').filter({ hasText: outcome.title }).waitFor();
      await shared.close();

      // The chosen answer is still selected, so Continue returns to the same outcome.
      await page.getByRole('button', { name: 'Continue' }).click();
      await heading.filter({ hasText: outcome.title }).waitFor();
      await page.getByRole('link', { name: 'Start again' }).click();
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('a Change link re-asks only what the change makes relevant', async () => {
  const page = await browser.newPage();
  // Leighton-Linslade: complaint about the Town Clerk, then change the situation and come back.
  await page.goto(`${server.origin}/#/leighton-linslade/guide/complaints/complaints.councillor-about-officer/complaints.about-town-clerk`);
  await page.locator('h1', { hasText: 'Raise it with the Town Mayor' }).waitFor();
  const changeTopic = page.getByRole('link', { name: 'Change your answer to: What is your question about?' });
  await changeTopic.click();
  await expectQuestionWithChoice(page, 'complaints');
  // Same topic again: the later answers still fit, so the guide goes straight back to the outcome.
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('h1', { hasText: 'Raise it with the Town Mayor' }).waitFor();
  await page.close();
});

test('continuing without an answer shows an error in an alert region', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/#/guildford/guide`);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
  assert.equal(words(await page.locator('.pg-error-message').textContent()), 'Error: Select an answer to continue');
  await page.close();
});

test('quick clicks on a slow phone: Start again right after an outcome opens is never undone', async () => {
  // The browser announces each URL change a moment later; on a slow device that announcement
  // can arrive after the next click, and once put the guide back on the outcome it had left.
  const page = await browser.newPage();
  const errors = watchErrors(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const outcomes = exportCouncil('leighton-linslade').flow.nodes.filter((n) => n.kind === 'outcome');
  await page.goto(`${server.origin}/#/leighton-linslade/guide`);
  for (const outcome of outcomes) {
    await page.locator('h1', { hasText: 'What is your question about?' }).waitFor();
    await page.evaluate(async (answers) => {
      const root = document.querySelector('protocol-guide')?.shadowRoot ?? document.querySelector('[data-pg-static]');
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const changed = () => new Promise((resolve) => {
        const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
        observer.observe(root, { subtree: true, childList: true, characterData: true });
      });
      for (const answer of answers) {
        root.querySelector(`input[value="${answer}"]`).click();
        await frame();
        const done = changed();
        root.querySelector('button[type=submit]').click();
        await done;
      }
      let again;
      while (!(again = [...root.querySelectorAll('a')].find((a) => a.textContent === 'Start again'))) await frame();
      again.click();
    }, outcome.answers);
  }
  await page.locator('h1', { hasText: 'What is your question about?' }).waitFor();
  assert.ok(page.url().endsWith('/leighton-linslade/guide/'), page.url());
  assert.deepEqual(errors, []);
  await page.close();
});
