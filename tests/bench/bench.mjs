// The performance benchmark: transfer sizes against their floors, time to the first question
// and per-step latency at 4x CPU throttling, and memory after walking every council.
// Usage: node tests/bench/bench.mjs [--size-only] [--runs N]
// Timings are printed, never judged (these machines are noisy); --size-only checks the size budget.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import path from 'node:path';
import { serve, launch, repo, exportCouncil, councilIds } from '../e2e/support.mjs';

const args = process.argv.slice(2);
const sizeOnly = args.includes('--size-only');
const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
const BUDGET = { transferKB: 110, startRatio: 1.3, stepMs: 16, memoryMB: 4 };
// The transfer budget is not met yet; CI holds the line at the measured size until it is.
const CEILING = JSON.parse(await readFile(path.join(repo, 'tests/bench/size-ceiling.json'), 'utf8'));

const kb = (bytes) => bytes / 1000;
const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = (buf) => gzipSync(buf, { level: 9 }).length;

/** Every file a first load fetches, from a real page load. */
async function firstLoadFiles(browser, dir, hash, ready) {
  const server = await serve(dir);
  const page = await browser.newPage();
  const paths = [];
  page.on('request', (r) => { if (r.url().startsWith(server.origin)) paths.push(new URL(r.url()).pathname); });
  await page.goto(`${server.origin}/${hash}`);
  await ready(page);
  await page.close();
  await server.close();
  const files = [];
  for (const p of [...new Set(paths)]) {
    const file = p.endsWith('/') ? `${p.slice(1)}index.html` : p.slice(1);
    const body = await readFile(path.join(repo, dir, file));
    files.push({ file, raw: body.length, br: brotli(body), gz: gzip(body) });
  }
  return files;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };

/** Milliseconds from navigation start until `ready` holds, in a fresh tab with CPU throttled 4x. */
async function coldStart(browser, origin, hash, readyExpression) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`${origin}/${hash}`, { waitUntil: 'commit' });
  await page.waitForFunction(readyExpression, null, { polling: 'raf', timeout: 60_000 });
  const ms = await page.evaluate(() => performance.now());
  await page.close();
  return ms;
}

/**
 * First and largest contentful paint, and when the page responds to a click, for a cold load at
 * 4x CPU. `body`, if given, replaces the HTML the server sends for the page.
 */
async function paintTimes(browser, url, body, kind) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (body) {
    await page.route(url.split('#')[0], (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  }
  await page.goto(url, { waitUntil: 'load' });
  if (kind === 'static') await page.waitForSelector('html[data-pg-ready]', { state: 'attached' });
  if (kind === 'client') await page.waitForFunction(() => !!document.querySelector('protocol-guide')?.shadowRoot?.querySelector('.pg-outcome h1'), null, { polling: 'raf' });
  const times = await page.evaluate(async (kind) => {
    const lcp = await new Promise((resolve) => {
      new PerformanceObserver((list) => resolve(list.getEntries().at(-1).startTime)).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    const ready = kind === 'static' ? performance.getEntriesByName('pg-ready')[0]?.startTime : kind === 'client' ? performance.now() : fcp;
    return { fcp, lcp, ready };
  }, kind);
  await page.close();
  return times;
}

// Functions, not strings: the page's CSP rightly forbids evaluating strings.
const guideReady = () => {
  const heading = (document.querySelector('protocol-guide')?.shadowRoot ?? document.querySelector('[data-pg-static]'))?.querySelector('h1');
  // Visible means styled too: the shadow stylesheet has applied.
  return !!heading && heading.textContent.includes('What is your question about?') && Number(getComputedStyle(heading).fontWeight) >= 700;
};
const minimalReady = () => !!document.getElementById('ready');

/** Walks `url`'s council to every outcome and back, timing each Continue from click to DOM update and to paint. */
async function walkCouncil(page, url, outcomes, steps, outcomeSteps) {
  await page.goto(url);
  for (const outcome of outcomes) {
    await page.waitForFunction(guideReady);
    const times = await page.evaluate(async (answers) => {
      const root = document.querySelector('protocol-guide')?.shadowRoot ?? document.querySelector('[data-pg-static]');
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
      // Resolves when the guide's DOM next changes: the moment the update is done.
      const changed = () => new Promise((resolve) => {
        const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now()); });
        observer.observe(root, { subtree: true, childList: true, characterData: true });
      });
      const out = [];
      // A real click arrives as its own task, not inside a frame's rendering step.
      const task = () => new Promise((r) => setTimeout(r, 0));
      for (const answer of answers) {
        root.querySelector(`input[value="${answer}"]`).click();
        await frame();
        await task();
        const done = changed();
        const t0 = performance.now();
        root.querySelector('button[type=submit]').click();
        const tDom = await done;
        const tFrame = await frame();
        out.push([tDom - t0, tFrame - t0]);
      }
      // As a person would: Start again forgets this walk's answers.
      let again;
      while (!(again = [...root.querySelectorAll('a')].find((a) => a.textContent === 'Start again'))) await frame();
      again.click();
      return out;
    }, outcome.answers);
    // The last Continue of a walk opens the outcome page; every other one, the next question.
    times.forEach((t, i) => (i === times.length - 1 ? outcomeSteps : steps).push(t));
  }
}

async function main() {
  const browser = await launch();
  // The static site's page for the first question, as a person following a link lands on it.
  const guideFiles = await firstLoadFiles(browser, 'dist', 'crawley/guide/', (p) => p.waitForSelector('html[data-pg-ready]', { state: 'attached' }));
  const minimalFiles = await firstLoadFiles(browser, 'target/bench/minimal', '', (p) => p.waitForFunction(minimalReady));
  const total = (files, key) => files.reduce((sum, f) => sum + f[key], 0);
  const texts = await Promise.all(councilIds().map((id) => readFile(path.join(repo, 'protocols/sources', `${id}.txt`))));
  const dataFloor = brotli(Buffer.concat(texts));
  const guideBr = total(guideFiles, 'br');
  const minimalBr = total(minimalFiles, 'br');

  const lines = [];
  const row = (cells) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push('| measure | value | reference | ratio / budget |', '|---|---|---|---|');
  for (const f of guideFiles) row([`transfer: ${f.file}`, `${kb(f.br).toFixed(1)} KB br, ${kb(f.gz).toFixed(1)} KB gz`, `${kb(f.raw).toFixed(1)} KB raw`, '']);
  row(['**transfer, first load total**', `**${kb(guideBr).toFixed(1)} KB br**, ${kb(total(guideFiles, 'gz')).toFixed(1)} KB gz`, `budget ${BUDGET.transferKB} KB br`, guideBr <= BUDGET.transferKB * 1000 ? 'within budget' : `over by ${kb(guideBr - BUDGET.transferKB * 1000).toFixed(1)} KB`]);
  row(['floor: minimal Yew page', `${kb(minimalBr).toFixed(1)} KB br`, 'same profile and wasm-opt', `guide is ${(guideBr / minimalBr).toFixed(2)}x`]);
  row(['floor: the five protocols’ texts', `${kb(dataFloor).toFixed(1)} KB br`, 'data floor', `guide is ${(guideBr / dataFloor).toFixed(2)}x`]);

  if (!sizeOnly) {
    const guide = await serve('dist');
    const minimal = await serve('target/bench/minimal');
    const guideStarts = []; const minimalStarts = [];
    for (let i = 0; i < runs; i++) {
      guideStarts.push(await coldStart(browser, guide.origin, 'crawley/guide/', guideReady));
      minimalStarts.push(await coldStart(browser, minimal.origin, '', minimalReady));
    }
    row(['time to first question shown (static page), 4x CPU, median of ' + runs, `${median(guideStarts).toFixed(0)} ms`, `minimal Yew ${median(minimalStarts).toFixed(0)} ms`, `${(median(guideStarts) / median(minimalStarts)).toFixed(2)}x (budget ${BUDGET.startRatio}x)`]);

    // One outcome page three ways: the static page, the same HTML with no script at all, and the
    // page as it was before static pages (rendered by the wasm in the browser).
    const outcomePath = 'leighton-linslade/guide/complaints/complaints.councillor-about-officer/complaints.about-town-clerk/';
    const staticHtml = await readFile(path.join(repo, 'dist', outcomePath, 'index.html'), 'utf8');
    const plainHtml = staticHtml.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
    const clientHtml = staticHtml
      .replace(/<script>[^<]*<\/script>/, '')
      .replace(/<div class="pg-mount pg-static"[\s\S]*<\/main>/, '<protocol-guide sync-url></protocol-guide>\n  </main>');
    const paints = { static: [], plain: [], client: [] };
    for (let i = 0; i < runs; i++) {
      for (const [kind, body] of [['static', null], ['plain', plainHtml], ['client', clientHtml]]) {
        paints[kind].push(await paintTimes(browser, `${guide.origin}/${outcomePath}${kind === 'client' ? '#/' + outcomePath.replace(/\/$/, '') : ''}`, body, kind));
      }
    }
    const med = (kind, key) => median(paints[kind].map((p) => p[key]));
    for (const key of ['fcp', 'lcp']) {
      const name = key === 'fcp' ? 'first contentful paint' : 'largest contentful paint';
      row([`${name}, static outcome page, 4x CPU, median of ${runs}`, `${med('static', key).toFixed(0)} ms`,
        `plain HTML ${med('plain', key).toFixed(0)} ms; client-rendered ${med('client', key).toFixed(0)} ms`,
        `${(med('static', key) / med('plain', key)).toFixed(2)}x plain (goal 1.1x); ${(med('client', key) / med('static', key)).toFixed(2)}x faster than client-rendered`]);
    }
    row([`responds to a click (hydrated), static outcome page, 4x CPU, median of ${runs}`, `${med('static', 'ready').toFixed(0)} ms`,
      `client-rendered page shows and responds at ${med('client', 'ready').toFixed(0)} ms`, '']);

    // Steps and keystrokes, timed inside the page from the click to the next painted frame.
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const steps = []; const outcomeSteps = []; const keys = [];
    for (const id of councilIds()) {
      const outcomes = exportCouncil(id).flow.nodes.filter((n) => n.kind === 'outcome');
      // A full walk of the council: every outcome, each path from the start.
      await walkCouncil(page, `${guide.origin}/#/${id}/guide`, outcomes, steps, outcomeSteps);
      await page.evaluate((hash) => { location.hash = hash; }, `#/${id}/ask`);
      await page.locator('.pg-ask input').waitFor();
      keys.push(...await page.evaluate(async (text) => {
        const root = document.querySelector('protocol-guide')?.shadowRoot ?? document.querySelector('[data-pg-static]');
        const input = root.querySelector('input[type=search]');
        const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
        const out = [];
        for (const ch of text) {
          await frame();
          // A keystroke arrives as its own task, not inside a frame's rendering step.
          await new Promise((r) => setTimeout(r, 0));
          const t0 = performance.now();
          input.value += ch;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, data: ch, inputType: 'insertText' }));
          // Yew renders in a microtask the input handler queued; these run after it. Waiting for
          // a DOM mutation instead would wait for nothing when the results do not change.
          for (let hop = 0; hop < 5; hop++) await Promise.resolve();
          const tDom = performance.now();
          const tFrame = await frame();
          out.push([tDom - t0, tFrame - t0]);
        }
        return out;
      }, 'who do I complain to about the clerk'));
    }
    // The same walks in an embed that keeps its route in the hash, as the standalone page did
    // before static pages: what path routing and the page title cost per step.
    const embedSteps = []; const embedOutcomeSteps = [];
    const embedHtml = (await readFile(path.join(repo, 'dist', 'index.html'), 'utf8'))
      .replace(/<script>[^<]*<\/script>/, '')
      .replace(/<div class="pg-mount pg-static"[\s\S]*<\/main>/, '<protocol-guide sync-url></protocol-guide>\n  </main>');
    await page.route(`${guide.origin}/embed-walk.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: embedHtml }));
    for (const id of councilIds()) {
      const outcomes = exportCouncil(id).flow.nodes.filter((n) => n.kind === 'outcome');
      await walkCouncil(page, `${guide.origin}/embed-walk.html#/${id}/guide`, outcomes, embedSteps, embedOutcomeSteps);
    }
    const describe = (pairs, which) => {
      const xs = pairs.map((p) => p[which]);
      return `median ${median(xs).toFixed(1)} ms, p95 ${percentile(xs, 0.95).toFixed(1)} ms, worst ${Math.max(...xs).toFixed(1)} ms`;
    };
    row(['step, 4x CPU: Continue → next question updated', describe(steps, 0), `${steps.length} steps: every path to every outcome of every council`, `budget p95 ${BUDGET.stepMs} ms`]);
    row(['step, 4x CPU: Continue → next question painted', describe(steps, 1), 'includes waiting for the display’s next frame', '']);
    row(['step, 4x CPU: last Continue → outcome page updated', describe(outcomeSteps, 0), `${outcomeSteps.length} outcome pages, with their clauses in full`, `budget p95 ${BUDGET.stepMs} ms`]);
    row(['step, 4x CPU: last Continue → outcome page painted', describe(outcomeSteps, 1), 'includes waiting for the display’s next frame', '']);
    row(['step in an embed (hash routing), 4x CPU: → next question updated', describe(embedSteps, 0), 'the same walks, for comparison', '']);
    row(['step in an embed (hash routing), 4x CPU: → outcome page updated', describe(embedOutcomeSteps, 0), 'the same walks, for comparison', '']);
    row(['keystroke, 4x CPU: ask box → results updated', describe(keys, 0), `${keys.length} keystrokes, 5 councils`, `budget p95 ${BUDGET.stepMs} ms`]);
    row(['keystroke, 4x CPU: ask box → next frame painted', describe(keys, 1), 'first keystroke builds the index', '']);
    const memory = await page.evaluate(async () => {
      const glue = await import(new URL('/protocol-guide-app.js', location.origin).href);
      return glue.wasm_memory_bytes();
    });
    const heap = await cdp.send('Runtime.getHeapUsage');
    row(['memory after a full walk of every council', `wasm ${(memory / 1048576).toFixed(2)} MB, JS heap ${(heap.usedSize / 1048576).toFixed(2)} MB`, '', `budget wasm ${BUDGET.memoryMB} MB`]);
    await page.close();
    await guide.close();
    await minimal.close();
  }
  await browser.close();
  const table = lines.join('\n');
  console.log(table);
  await mkdir(path.join(repo, 'target/bench'), { recursive: true });
  await writeFile(path.join(repo, 'target/bench/report.md'), `${table}\n`);

  const ceiling = CEILING.transfer_brotli_bytes;
  if (guideBr > ceiling) {
    console.error(`size check FAILED: first-load transfer ${guideBr} bytes brotli is over the ceiling of ${ceiling} bytes (tests/bench/size-ceiling.json); budget is ${BUDGET.transferKB} KB`);
    process.exitCode = 1;
  } else {
    console.log(`size check passed: ${guideBr} bytes brotli ≤ ceiling ${ceiling} bytes (budget ${BUDGET.transferKB * 1000}: ${guideBr <= BUDGET.transferKB * 1000 ? 'met' : 'not yet met'})`);
  }
}

await main();
