// External loader: a strict Content-Security-Policy forbids Trunk's inline one.
import init from './protocol-guide-app.js';

init({ module_or_path: new URL('protocol-guide-app_bg.wasm', import.meta.url) }).catch((error) => {
  const root = document.getElementById('protocol-guide');
  if (root) {
    root.textContent = 'Sorry, the protocol guide could not start. Reload the page to try again.';
  }
  console.error('protocol guide: failed to start', error);
});
