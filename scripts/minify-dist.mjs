// Release builds only: minifies the JavaScript (glue and boot script) and the guide's stylesheet
// in Trunk's staging folder, and updates the subresource-integrity hashes that index.html holds
// for any file it changed. Run by Trunk's post_build hook: `node scripts/minify-dist.mjs <dir>`.
import { readFile, writeFile, access } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { minify } from 'terser';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/minify-dist.mjs <trunk staging dir>');
  process.exit(2);
}
const exists = (file) => access(file).then(() => true, () => false);

/** Comments and runs of whitespace go; nothing inside a rule changes. */
export function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

const changed = new Map();
for (const name of ['protocol-guide-app.js', 'protocol-guide.js', 'minimal-yew.js', 'protocol-author.js', 'boot.js']) {
  const file = path.join(dir, name);
  if (!(await exists(file))) continue;
  const source = await readFile(file, 'utf8');
  const result = await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!result.code) throw new Error(`terser produced nothing for ${name}`);
  await writeFile(file, result.code);
  changed.set(name, result.code);
}
const css = path.join(dir, 'guide.css');
if (await exists(css)) {
  await writeFile(css, minifyCss(await readFile(css, 'utf8')));
}

// Trunk wrote integrity hashes before this hook ran: recompute them for the files changed here.
const html = path.join(dir, 'index.html');
if (await exists(html)) {
  let page = await readFile(html, 'utf8');
  for (const [name, code] of changed) {
    const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
    page = page.replace(/<link\b[^>]*>/g, (tag) => (tag.includes(name) ? tag.replace(/integrity=("?)sha384-[A-Za-z0-9+/=]+\1/, `integrity=$1${integrity}$1`) : tag));
  }
  await writeFile(html, page);
}
