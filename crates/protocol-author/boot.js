// Starts the authoring page. An external module, not Trunk's inline script: the page's CSP
// allows no inline script.
import init from './protocol-author.js';

init({ module_or_path: new URL('protocol-author_bg.wasm', import.meta.url) }).catch((error) => {
  const root = document.getElementById('author');
  if (root) root.textContent = 'Sorry, the authoring page could not start in this browser.';
  console.error(error);
});
