// Council Protocol Guide: the one script a council page needs.
//
//   <script type="module" src=".../protocol-guide.js"></script>
//   <protocol-guide council="crawley"></protocol-guide>
//
// Attributes (all optional; changing one at run time restarts the guide there):
//   council   the council's id: crawley, guildford, leighton-linslade, model, pitstone.
//             Without it the guide starts by asking which council.
//   topic     start at a topic (complaints) or a situation (complaints.councillor-about-officer).
//   view      guide (default), reader (the protocol itself) or ask (search in your own words).
//   clause    open the reader at a clause, e.g. 8.7.
//   sync-url  keep the guide's page in the address bar's #hash, so Back and shared links work.
//             Use it for at most one guide per page.
//   council-src  a council's own data file (protocol-guide compile), fetched as the guide starts;
//             the guide then shows that council. Read once, when the element first appears.
// Theming: set CSS custom properties on the element, e.g.
//   protocol-guide { --pg-accent: #005ea5; --pg-font: Georgia, serif; --pg-radius: 0; }
// Content inside the element is shown when JavaScript is off: put a link to the protocol there.
import init, { mount_guide, council_ids, add_council, mount_page } from './protocol-guide-app.js';

const assets = new URL('./', import.meta.url).href;
const ready = init({ module_or_path: new URL('protocol-guide-app_bg.wasm', import.meta.url) });
// Every attribute goes to the guide by name; the guide decides which it reads (EmbedAttributes),
// so a new attribute needs no change here. Only council-src is read here, since it is fetched.
const attributesOf = (element) => Object.fromEntries([...element.attributes].map((a) => [a.name, a.value]));

function failure(mount, text) {
  mount.replaceChildren();
  const box = document.createElement('div');
  box.className = 'pg pg-failure';
  box.setAttribute('role', 'alert');
  const message = document.createElement('p');
  message.textContent = text;
  const more = document.createElement('p');
  const link = document.createElement('a');
  link.href = `${assets}plain/index.html`;
  link.textContent = 'Read the protocols in full';
  more.append(link);
  box.append(message, more);
  mount.append(box);
}

const councilFiles = new Map();

async function fetchCouncil(url) {
  try {
    const response = await fetch(url);
    if (!response.ok) return { url, error: `the file was not found (HTTP ${response.status})` };
    const bytes = new Uint8Array(await response.arrayBuffer());
    await ready;
    return { id: add_council(bytes) };
  } catch (error) {
    return { url, error: typeof error === 'string' ? error : `it could not be fetched (${error.message ?? error})` };
  }
}

class ProtocolGuideElement extends HTMLElement {
  connectedCallback() {
    if (this.guide || this.starting) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = `${assets}guide.css`;
    const mount = document.createElement('div');
    mount.className = 'pg-mount';
    mount.textContent = 'Loading the protocol guide…';
    shadow.replaceChildren(style, mount);
    this.mount = mount;
    // Mount once the stylesheet is in: layout then no longer shifts under a deep link's scroll.
    const styled = new Promise((resolve) => { style.onload = resolve; style.onerror = resolve; });
    this.starting = Promise.all([ready, styled, this.councilData()])
      .then(([, , added]) => {
        this.starting = undefined;
        if (!this.isConnected) return;
        if (added?.error) {
          console.error(`<protocol-guide>: council-src ${added.url}: ${added.error}`);
          failure(mount, `Sorry, this council's protocol could not be loaded: ${added.error}.`);
          return;
        }
        mount.replaceChildren();
        this.councilId = added?.id;
        this.attributesSeen = JSON.stringify(attributesOf(this));
        this.guide = mount_guide(mount, this.attributesForGuide(), assets);
        this.watcher = new MutationObserver(() => this.attributesChanged());
        this.watcher.observe(this, { attributes: true });
      })
      .catch((error) => {
        this.starting = undefined;
        console.error('<protocol-guide>: could not start', error);
        failure(mount, 'Sorry, the protocol guide could not start.');
      });
  }

  /** The element's attributes, with a council loaded from council-src standing for `council`. */
  attributesForGuide() {
    const attributes = attributesOf(this);
    if (this.councilId) attributes.council = this.councilId;
    return attributes;
  }

  /** Fetches and adds the council named by council-src, if any: {id}, or {error, url}. */
  councilData() {
    const src = this.getAttribute('council-src');
    if (!src) return undefined;
    const url = new URL(src, document.baseURI).href;
    // Several elements may name one file: it is fetched and added once.
    if (!councilFiles.has(url)) councilFiles.set(url, fetchCouncil(url));
    return councilFiles.get(url);
  }


  attributesChanged() {
    const now = JSON.stringify(attributesOf(this));
    if (!this.guide || now === this.attributesSeen) return;
    this.attributesSeen = now;
    this.guide.update(this.attributesForGuide());
  }

  disconnectedCallback() {
    this.watcher?.disconnect();
    this.watcher = undefined;
    this.guide?.destroy();
    this.guide = undefined;
  }
}

if (!customElements.get('protocol-guide')) {
  customElements.define('protocol-guide', ProtocolGuideElement);
}

// A page of the static site: the guide takes over the markup the build rendered for it. The
// site's root is the page's `data-root`, read as a folder even if the host dropped the final '/'.
const staticPage = document.querySelector('[data-pg-static]');
if (staticPage) {
  const { pathname } = location;
  const here = pathname.endsWith('/') || pathname.endsWith('.html') ? location.href : `${location.origin}${pathname}/${location.search}${location.hash}`;
  ready
    .then(() => mount_page(staticPage, staticPage.dataset.route, new URL(staticPage.dataset.root, here).href))
    .then(() => {
      // Tests and the benchmark wait for this: from here on the page responds to the guide's controls.
      document.documentElement.setAttribute('data-pg-ready', '');
      performance.mark('pg-ready');
    })
    .catch((error) => {
      // The page still works as plain HTML: show the links that stand in for script.
      document.documentElement.classList.remove('pg-js');
      console.error('protocol guide: could not take over the page; it works as plain HTML', error);
    });
}

// A page that loads the script but has no element gets told why nothing appears.
const checkForElements = () => {
  if (!document.querySelector('protocol-guide') && !staticPage) {
    console.error(`protocol-guide.js: this page has no <protocol-guide> element. Add one, e.g. <protocol-guide council="${(council_ids?.() ?? ['crawley'])[0]}"></protocol-guide>`);
  }
};
ready.then(() => (document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', checkForElements) : checkForElements()), () => {});
