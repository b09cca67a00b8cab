// Where a navigation's time goes: walks the first 40 outcomes of one council's static site at 4x
// CPU under Chrome's sampling profiler and prints milliseconds per navigation by kind: our wasm,
// the guide's JavaScript (wasm-bindgen glue and loader), browser built-ins such as focus and
// removeChild, the browser's own work outside any script ("(program)": style, layout, paint,
// history), and the profiling driver itself. A navigation is a Continue, with the radio pick before
// it, or the "Start again" that ends each walk: both change the page and move focus to its heading.
// A profile, not a benchmark: bench.mjs gives the step times themselves; this says what is in them.
//
// Usage: node tests/bench/profile-steps.mjs DIST [COUNCIL]
// DIST is a release build whose wasm keeps its function names (not the shipped build), made with:
//   cp index.html /tmp/index.html.keep
//   sed -i 's/data-type="main"/data-keep-debug="true" data-type="main"/' index.html
//   trunk build --release --dist /tmp/dist-prof; cp /tmp/index.html.keep index.html
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
  // The static page answers the guide's controls once the wasm has taken it over.
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-pg-ready'));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  let continues = 0;
  for (const outcome of outcomes) {
    continues += await page.evaluate(async (answers) => {
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
  const navigations = continues + outcomes.length;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const kinds = new Map();
  const functions = new Map();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const { url, functionName, scriptId } = byId.get(id).callFrame;
    // Built-ins have no script of their own; the driver's code is a script without a URL.
    const kind = url.endsWith('.wasm') ? 'wasm (our Rust)'
      : url.endsWith('.js') ? "the guide's JavaScript (wasm-bindgen glue, loader)"
      : functionName.startsWith('(') ? functionName
      : scriptId === '0' ? 'browser built-ins (DOM, focus, history)' : 'profiling driver';
    kinds.set(kind, (kinds.get(kind) ?? 0) + ms);
    if (!functionName.startsWith('(')) {
      const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}`;
      functions.set(name, (functions.get(name) ?? 0) + ms);
    }
  });
  const perStep = (ms) => (ms / navigations).toFixed(2).padStart(6);
  console.log(`${council}: ${navigations} navigations (${continues} Continue, ${outcomes.length} Start again) at 4x CPU`);
  console.log('ms per navigation, by kind (idle includes the frames the driver waits for):');
  [...kinds].sort((a, b) => b[1] - a[1]).forEach(([kind, ms]) => console.log(`${perStep(ms)}  ${kind}`));
  console.log('ms per navigation, heaviest functions (self time):');
  [...functions].sort((a, b) => b[1] - a[1]).slice(0, 12).forEach(([name, ms]) => console.log(`${perStep(ms)}  ${name}`));
} finally {
  await browser.close();
  await server.close();
}
