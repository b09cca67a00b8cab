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
  { council: 'crawley', text: 'complian to the monitering officer', outcomePrefix: 'complaints.' },
];

for (const journey of journeys) {
  test(`${journey.council}: typing "${journey.text}" offers the right guidance`, async () => {
    const exported = exportCouncil(journey.council);
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.origin}/#/${journey.council}/guide`);
    await page.getByRole('link', { name: /Describe it in your own words/ }).click();
    const box = page.getByRole('searchbox', { name: 'Describe your situation' });
    await box.pressSequentially(journey.text, { delay: 15 });
    const first = page.locator('.pg-result').first();
    await first.waitFor();
    assert.match(await page.getByRole('status').innerText(), /\d+ results?/);
    const link = first.locator('a');
    const href = await link.getAttribute('href');
    await link.click();
    await page.locator('.pg-outcome, .pg-reader').first().waitFor();
    if (href.includes('/guide/')) {
      const reached = href.split('/').pop();
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
  assert.equal(words(await page.locator('.pg-compare-summary').innerText()), '4 of 5 protocols cover this; the Model protocol does not.');
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
