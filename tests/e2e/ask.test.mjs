// Typing questions into the ask box reaches the right guidance; compare shows every council.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, exportCouncil, words, watchErrors } from './support.mjs';

let server, browser;
before(async () => { server = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// The examples from the brief, and a few more, as a person would type them.
const journeys = [
  { council: 'leighton-linslade', text: 'who do I complain to about the town clerk', outcome: 'complaints.about-town-clerk' },
  { council: 'crawley', text: 'officer was rude to me', outcome: 'complaints.about-officer' },
  { council: 'guildford', text: 'my wife works for the council', outcomePrefix: 'relationships.' },
  { council: 'pitstone', text: 'can I get the clerk to write to the developer', outcomePrefix: '' },
  // Two misspellings. (Crawley's "complain to the monitoring officer", spelt right or not, ranks its
  // statutory-officers outcome first, which quotes 5.1 on going to the Monitoring Officer: a fair
  // answer, but not the one a complaints journey is about.)
  { council: 'crawley', text: 'complian about an oficer', outcome: 'complaints.about-officer' },
];

for (const journey of journeys) {
  test(`${journey.council}: typing "${journey.text}" offers the right guidance`, async () => {
    const exported = exportCouncil(journey.council);
    const page = await browser.newPage();
    const errors = watchErrors(page);
    // The ask box is on the council's first page, above the topics.
    await page.goto(`${server.origin}/#/${journey.council}/guide`);
    const box = page.getByRole('searchbox', { name: 'Describe it in your own words' });
    await box.pressSequentially(journey.text, { delay: 15 });
    const first = page.locator('.pg-result').first();
    await first.waitFor();
    assert.match(await page.getByRole('status').innerText(), /\d+ (weak )?results?/);
    assert.match(await first.locator('.pg-result-why').innerText(), /^Matched: /, 'each result says why it matched');
    const link = first.locator('a');
    const href = await link.getAttribute('href');
    await link.click();
    await page.locator('.pg-outcome, .pg-reader').first().waitFor();
    if (href.includes('/guide/')) {
      const reached = href.replace(/\/$/, '').split('/').pop();
      if (journey.outcome) assert.equal(reached, journey.outcome);
      if (journey.outcomePrefix) assert.ok(reached.startsWith(journey.outcomePrefix), reached);
      const outcome = exported.flow.nodes.find((n) => n.id === reached);
      await page.locator('h1').filter({ hasText: outcome.title }).waitFor();
      // The walk's answers are filled in: Back goes to the question before, with the answer chosen.
      await page.locator('.pg-back-link').click();
      const checked = page.locator('input[type=radio]:checked');
      await checked.waitFor();
      assert.equal(await checked.getAttribute('value'), reached);
    } else {
      assert.ok(!journey.outcome, `expected guidance, reached ${href}`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('a partly covered first result says, in the list, what the protocol does not say', async () => {
  const gapOf = new Map(exportCouncil('guildford').flow.nodes.filter((n) => n.kind === 'outcome').map((n) => [n.id, n.gap]));
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.origin}/#/guildford/ask`);
  await page.getByRole('searchbox').pressSequentially('publicity before the election', { delay: 10 });
  const first = page.locator('.pg-result').first();
  await first.waitFor();
  const reached = (await first.locator('a').getAttribute('href')).replace(/\/$/, '').split('/').pop();
  assert.equal(reached, 'media.pre-election');
  assert.equal(await first.locator('.pg-coverage-partial').textContent(), 'Partly covered');
  assert.equal(await first.locator('.pg-result-gap').innerText(), gapOf.get(reached));
  // Only partly covered results carry a gap line.
  for (const result of await page.locator('.pg-result').all()) {
    const partial = (await result.locator('.pg-coverage-partial').count()) === 1;
    assert.equal(await result.locator('.pg-result-gap').count(), partial ? 1 : 0);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('nothing typed goes into the URL or anywhere else', async () => {
  const page = await browser.newPage();
  const before = server.requests.length;
  await page.goto(`${server.origin}/#/model/ask`);
  await page.getByRole('searchbox').pressSequentially('my partner is the clerk', { delay: 10 });
  await page.locator('.pg-result').first().waitFor();
  assert.ok(!page.url().includes('partner'));
  const after = server.requests.slice(before);
  assert.ok(after.every((path) => !path.includes('partner')), after.join(' '));
  await page.close();
});

test('compare shows each council side by side and says which protocols are silent', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.origin}/#/leighton-linslade/guide/complaints/complaints.councillor-about-officer/complaints.about-town-clerk`);
  await page.getByRole('link', { name: 'How do other councils handle this?' }).click();
  await page.locator('h1', { hasText: 'A councillor is unhappy with an officer' }).waitFor();
  const columns = page.locator('.pg-compare-column');
  assert.equal(await columns.count(), 5);
  assert.match(await columns.first().locator('h2').innerText(), /Leighton-Linslade/);
  // The summary counts each council's coverage, as the export gives it.
  const levels = ['crawley', 'guildford', 'leighton-linslade', 'model', 'pitstone'].map((id) => {
    const found = exportCouncil(id).flow.nodes.filter((n) => n.kind === 'outcome' && n.situation === 'complaints.councillor-about-officer');
    return found.some((n) => n.coverage === 'full') ? 'full' : found.some((n) => n.coverage === 'partial') ? 'partial' : 'none';
  });
  const count = (level) => levels.filter((l) => l === level).length;
  const parts = [`${count('full')} ${count('full') === 1 ? 'protocol covers' : 'protocols cover'} this`];
  if (count('partial')) parts.push(`${count('partial')} partly`);
  if (count('none')) parts.push(`${count('none')} not at all`);
  assert.equal(words(await page.locator('.pg-compare-summary').innerText()), `${parts.join(', ')}.`);
  const tags = await columns.locator('.pg-tag').allInnerTexts();
  const label = { full: 'COVERED', partial: 'PARTLY COVERED', none: 'NOT COVERED' };
  assert.ok(levels.every((level) => tags.map((t) => t.toUpperCase()).includes(label[level])), tags.join(', '));
  const leighton = words(await columns.first().innerText());
  assert.ok(leighton.includes('Who to go to: Town Mayor') && leighton.includes('Who to go to: Town Clerk'));
  assert.ok(leighton.includes('Where the Officer concerned is the Town Clerk, the matter should be raised with the Town Mayor.'));
  // On a phone the columns stack.
  await page.setViewportSize({ width: 360, height: 740 });
  const [a, b] = [await columns.nth(0).boundingBox(), await columns.nth(1).boundingBox()];
  assert.ok(b.y > a.y + a.height - 1, 'second column sits below the first');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a question about other council business gets "no close match", not a confident answer', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.origin}/#/crawley/guide`);
  await page.getByRole('searchbox', { name: 'Describe it in your own words' }).pressSequentially('when are the bins collected', { delay: 10 });
  const notice = page.locator('.pg-no-match');
  await notice.waitFor();
  assert.match(words(await notice.innerText()), /No close match in this protocol\. Crawley's protocol may not cover this\./);
  assert.match(await page.getByRole('status').innerText(), /No close match/);
  // The way on is the topic list on the same page.
  await notice.getByRole('link', { name: 'Browse the topics' }).waitFor();
  // A question the protocol does answer is offered without the notice.
  await page.getByRole('searchbox').fill('officer was rude to me');
  await page.locator('.pg-result').first().waitFor();
  assert.equal(await page.locator('.pg-no-match').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});
