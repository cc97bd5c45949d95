// @ts-check
// The user guide (docs/okr-method*.md) as the product shows it: converted at build time into a small tree
// of a fixed set of elements, which static/src/components/guide-doc.ts renders with React. No HTML string
// reaches the page, so nothing needs sanitising; markdown outside that set fails the build instead.
// CommonJS so that Vite's config (ESM, run by plain node) and jest's ts-jest tests (CommonJS) both load it.
'use strict';

const fs = require('node:fs');
const MarkdownIt = require('markdown-it');

/** The elements the guide may contain (blocks and inlines); the renderer knows exactly these. */
const BLOCKS = ['h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];
const INLINES = ['strong', 'em', 'code', 'a'];

/** `<a id="rule-id"></a>`, the only HTML the guide may hold: an anchor GitHub and the product both follow. */
const ANCHOR_OPEN = /^<a id="([a-z0-9-]+)">$/;
const ANCHOR_CLOSE = '</a>';

/** Another guide (the other language's), which only readers of the repository can follow. */
const OTHER_GUIDE = /^[\w.-]+\.md(#[\w-]+)?$/;

// html: on only to see the anchors (every other HTML token throws); no typographer or linkify, so the text
// is exactly what the file says.
const md = new MarkdownIt({ html: true, linkify: false, typographer: false });

/**
 * @param {string} message
 * @param {{ map?: [number, number] | null } | undefined} token
 */
const fail = (message, token) => {
  const line = token?.map ? ` (line ${String(token.map[0] + 1)})` : '';
  return new Error(`method guide: ${message}${line}`);
};

/**
 * The inline tokens of one block as nodes. Links to another file (the other language's guide) become
 * plain text: in the product the language follows the account, and files are not pages.
 * @param {import('markdown-it').Token[]} tokens
 * @returns {import('./markdown-to-guide.cjs').GuideNode[]}
 */
const inlines = (tokens) => {
  /** @type {{ node: import('./markdown-to-guide.cjs').GuideElement | null, c: import('./markdown-to-guide.cjs').GuideNode[] }[]} */
  const stack = [{ node: null, c: [] }];
  const top = () => /** @type {(typeof stack)[number]} */ (stack[stack.length - 1]);
  const text = (/** @type {string} */ s) => {
    if (s === '') return;
    const c = top().c;
    const last = c[c.length - 1];
    if (typeof last === 'string') c[c.length - 1] = last + s;
    else c.push(s);
  };
  for (const tok of tokens) {
    if (tok.type === 'text') text(tok.content);
    else if (tok.type === 'softbreak' || tok.type === 'hardbreak') text(' ');
    else if (tok.type === 'code_inline') top().c.push({ t: 'code', c: [tok.content] });
    else if (tok.nesting === 1 && INLINES.includes(tok.tag)) {
      /** @type {import('./markdown-to-guide.cjs').GuideElement} */
      const node = { t: /** @type {import('./markdown-to-guide.cjs').GuideTag} */ (tok.tag) };
      if (tok.tag === 'a') {
        const href = tok.attrGet('href') ?? '';
        if (href.startsWith('#')) node.href = href;
        else if (!OTHER_GUIDE.test(href)) throw fail(`link to ${href}: only #anchors and other guides`, tok);
      }
      const c = /** @type {import('./markdown-to-guide.cjs').GuideNode[]} */ ([]);
      node.c = c;
      stack.push({ node, c });
    } else if (tok.nesting === -1 && INLINES.includes(tok.tag)) {
      const done = stack.pop();
      if (done?.node == null || done.node.t !== tok.tag) throw fail(`unbalanced ${tok.tag}`, tok);
      // A link to a file keeps only its words.
      if (done.node.t === 'a' && done.node.href === undefined)
        done.c.forEach((n) => (typeof n === 'string' ? text(n) : top().c.push(n)));
      else top().c.push(done.node);
    } else throw fail(`unsupported inline ${tok.type} ${tok.content}`, tok);
  }
  return top().c;
};

/** The anchor ids of a paragraph made only of `<a id="…"></a>`, else undefined. */
const anchorsOf = (/** @type {import('markdown-it').Token[]} */ tokens) => {
  const ids = [];
  for (const tok of tokens) {
    if (tok.type !== 'html_inline') return undefined;
    const open = ANCHOR_OPEN.exec(tok.content);
    if (open?.[1] !== undefined) ids.push(open[1]);
    else if (tok.content !== ANCHOR_CLOSE) throw fail(`HTML other than an anchor: ${tok.content}`, tok);
  }
  return ids;
};

/** True when a paragraph links to another guide: a line for readers of the repository, not of the product. */
const linksToFile = (/** @type {import('markdown-it').Token[]} */ tokens) =>
  tokens.some((tok) => tok.type === 'link_open' && OTHER_GUIDE.test(tok.attrGet('href') ?? ''));

/**
 * Markdown to the guide's tree. Headings take the id of the anchors just above them; every anchor maps to
 * its heading's id (several rules may share one section).
 * @param {string} source
 * @returns {import('./markdown-to-guide.cjs').GuideDoc}
 */
const markdownToGuide = (source) => {
  const tokens = md.parse(source, {});
  /** @type {import('./markdown-to-guide.cjs').GuideElement[]} */
  const blocks = [];
  /** @type {Record<string, string>} */
  const anchors = {};
  let title = '';
  /** @type {string[]} */
  let pending = [];
  /** @type {import('./markdown-to-guide.cjs').GuideElement[]} */
  const open = [];
  const add = (/** @type {import('./markdown-to-guide.cjs').GuideElement} */ node) => {
    const parent = open[open.length - 1];
    if (parent === undefined) blocks.push(node);
    else (parent.c ??= []).push(node);
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = /** @type {import('markdown-it').Token} */ (tokens[i]);
    if (tok.type === 'heading_open') {
      const inline = tokens[i + 1]?.children ?? [];
      i += 2;
      if (tok.tag === 'h1') {
        title = inlines(inline)
          .filter((n) => typeof n === 'string')
          .join('');
        continue;
      }
      if (!BLOCKS.includes(tok.tag)) throw fail(`unsupported heading ${tok.tag}`, tok);
      /** @type {import('./markdown-to-guide.cjs').GuideElement} */
      const node = { t: /** @type {import('./markdown-to-guide.cjs').GuideTag} */ (tok.tag), c: inlines(inline) };
      const [id] = pending;
      if (id !== undefined) {
        node.id = id;
        for (const a of pending) anchors[a] = id;
      }
      pending = [];
      add(node);
    } else if (tok.type === 'paragraph_open') {
      const inline = tokens[i + 1]?.children ?? [];
      i += 2;
      const ids = anchorsOf(inline);
      if (ids !== undefined) {
        pending.push(...ids);
        continue;
      }
      if (pending.length > 0) throw fail(`anchors ${pending.join(', ')} are not followed by a heading`, tok);
      if (linksToFile(inline)) continue;
      const content = inlines(inline);
      // A tight list's items hold their text directly, without a paragraph.
      if (tok.hidden) open[open.length - 1]?.c?.push(...content);
      else add({ t: 'p', c: content });
    } else if (tok.type === 'inline') {
      // A table cell's words.
      open[open.length - 1]?.c?.push(...inlines(tok.children ?? []));
    } else if (tok.nesting === 1) {
      if (!BLOCKS.includes(tok.tag)) throw fail(`unsupported block ${tok.type}`, tok);
      /** @type {import('./markdown-to-guide.cjs').GuideElement} */
      const node = { t: /** @type {import('./markdown-to-guide.cjs').GuideTag} */ (tok.tag), c: [] };
      add(node);
      open.push(node);
    } else if (tok.nesting === -1) {
      if (open.pop()?.t !== tok.tag) throw fail(`unbalanced ${tok.tag}`, tok);
    } else throw fail(`unsupported block ${tok.type}`, tok);
  }
  if (pending.length > 0) throw fail(`anchors ${pending.join(', ')} at the end`, undefined);
  if (title === '') throw fail('no title (a # heading)', undefined);
  return { title, blocks, anchors };
};

/** Which file holds the guide in each language the product speaks. */
const GUIDE_FILES = { 'en-US': 'okr-method.md', 'nl-NL': 'okr-method.nl.md' };

/**
 * Vite plugin: `import doc from '<path>.md?guide'` is that file's tree, as JSON.parse of a string (parsed
 * faster than the same object literal). Each such import is its own chunk when imported with import().
 * @returns {import('vite').Plugin}
 */
const methodGuidePlugin = () => ({
  name: 'cadence-method-guide',
  load(id) {
    if (!id.endsWith('.md?guide')) return null;
    const file = id.slice(0, -'?guide'.length);
    this.addWatchFile(file);
    const doc = markdownToGuide(fs.readFileSync(file, 'utf8'));
    return `export default JSON.parse(${JSON.stringify(JSON.stringify(doc))});`;
  },
});

module.exports = { markdownToGuide, methodGuidePlugin, GUIDE_FILES, BLOCKS, INLINES };
