// Where a step's time goes: walks the first 40 outcomes of one council at 4x CPU under Chrome's
// sampling profiler and prints milliseconds per step by kind (our wasm, wasm-bindgen's JS glue,
// browser built-ins such as focus and pushState, the browser's own style/layout/paint, shown as
// "(program)") and the heaviest functions. A profile, not a benchmark: bench.mjs gives the step
// times themselves; this says what is in them.
//
// Usage: node tests/bench/profile-steps.mjs DIST [COUNCIL]
// DIST is a release build whose wasm keeps its function names, for example:
//   sed 's/data-type="main"/data-keep-debug="true" data-type="main"/' index.html > /tmp/index-debug.html
//   (cp /tmp/index-debug.html index.html && trunk build --release --dist /tmp/dist-prof); git checkout index.html
import { serve, launch, exportCouncil } from '../e2e/support.mjs';

const [dist, council = 'crawley'] = process.argv.slice(2);
if (!dist) {
  console.error('usage: node tests/bench/profile-steps.mjs DIST [COUNCIL]');
  process.exit(2);
}
const server = await serve(dist);
const browser = await launch();
try {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const outcomes = exportCouncil(council).flow.nodes.filter((n) => n.kind === 'outcome').slice(0, 40);
  await page.goto(`${server.origin}/${council}/guide/`);
  await page.waitForFunction(() => !!document.querySelector('protocol-guide, [data-pg-static]'));
  await page.waitForTimeout(1500);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  let steps = 0;
  for (const outcome of outcomes) {
    steps += await page.evaluate(async (answers) => {
      const root = document.querySelector('protocol-guide')?.shadowRoot ?? document;
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      let n = 0;
      for (const answer of answers) {
        let input;
        while (!(input = root.querySelector(`input[value="${answer}"]`))) await frame();
        input.click();
        await frame();
        root.querySelector('button[type=submit]').click();
        await frame();
        await frame();
        n += 1;
      }
      let again;
      while (!(again = [...root.querySelectorAll('a')].find((a) => a.textContent === 'Start again'))) await frame();
      again.click();
      await frame();
      return n;
    }, outcome.answers);
  }
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const kinds = new Map();
  const functions = new Map();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const { url, functionName } = byId.get(id).callFrame;
    const kind = url.endsWith('.wasm') ? 'wasm (our Rust)'
      : url.endsWith('.js') ? 'wasm-bindgen JS glue'
      : functionName.startsWith('(') ? functionName : 'browser built-ins (DOM, focus, history)';
    kinds.set(kind, (kinds.get(kind) ?? 0) + ms);
    if (!functionName.startsWith('(')) {
      const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}`;
      functions.set(name, (functions.get(name) ?? 0) + ms);
    }
  });
  const perStep = (ms) => (ms / steps).toFixed(2).padStart(6);
  console.log(`${council}: ${steps} steps at 4x CPU (each also waits two frames, counted as idle)`);
  console.log('ms per step, by kind:');
  [...kinds].sort((a, b) => b[1] - a[1]).forEach(([kind, ms]) => console.log(`${perStep(ms)}  ${kind}`));
  console.log('ms per step, heaviest functions (self time):');
  [...functions].sort((a, b) => b[1] - a[1]).slice(0, 12).forEach(([name, ms]) => console.log(`${perStep(ms)}  ${name}`));
} finally {
  await browser.close();
  await server.close();
}
