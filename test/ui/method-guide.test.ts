import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LintRuleIdSchema, LOCALES } from '../../src/contract';
import { BLOCKS, GUIDE_FILES, INLINES, markdownToGuide } from '../../static/guide/markdown-to-guide.cjs';
import type { GuideDoc, GuideNode } from '../../static/src/components/guide-doc';
import { plainText, sectionOf } from '../../static/src/components/guide-doc';

/**
 * The user guide as the product shows it: docs/okr-method.md and its Dutch version, converted as the
 * build converts them (static/guide/markdown-to-guide.cjs), open at every quality check's section.
 */
const DOCS = path.resolve(__dirname, '..', '..', 'docs');
const guides = Object.fromEntries(
  LOCALES.map((l) => [l, markdownToGuide(readFileSync(path.join(DOCS, GUIDE_FILES[l]), 'utf8'))]),
) as Record<(typeof LOCALES)[number], GuideDoc>;

/** The topics other parts of the product may open besides the rules (#14: review to frozen). */
const TOPICS = [
  'words',
  'cycle',
  'shape',
  'check-in',
  'pace',
  'scoring',
  'review',
  'improve',
  'not-this-cycle',
  'kpis',
  'frozen',
  'mistakes',
  'checks',
  'where',
];

const walk = (nodes: readonly GuideNode[]): Exclude<GuideNode, string>[] =>
  nodes.flatMap((n) => (typeof n === 'string' ? [] : [n, ...walk(n.c ?? [])]));

describe.each(LOCALES)('the guide in %s', (locale) => {
  const doc = guides[locale];

  it.each(LintRuleIdSchema.options)('has a section for the quality check %s', (ruleId) => {
    const section = sectionOf(doc, ruleId);
    expect(section).toBeDefined();
    expect(section?.heading.t).toBe('h3');
    expect(plainText(section?.heading ?? '')).not.toBe('');
    // What it checks and what to do, at least.
    expect(section?.blocks.length).toBeGreaterThanOrEqual(1);
    expect(section?.blocks.map(plainText).join(' ').length).toBeGreaterThan(80);
  });

  it.each(TOPICS)('has a section for the topic %s', (topic) => {
    expect(sectionOf(doc, topic)?.heading.t).toBe('h2');
  });

  it('links only to its own anchors', () => {
    const links = walk(doc.blocks).filter((n) => n.t === 'a');
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(Object.keys(doc.anchors)).toContain(link.href?.slice(1));
  });

  it('holds only the fixed set of elements', () => {
    const allowed: readonly string[] = [...BLOCKS, ...INLINES];
    for (const node of walk(doc.blocks)) expect(allowed).toContain(node.t);
  });

  it('drops the line that points to the other language (files are not pages in the product)', () => {
    expect(JSON.stringify(doc)).not.toMatch(/okr-method/);
  });
});

describe('both languages', () => {
  it('have the same anchors, sections and links', () => {
    const [en, nl] = [guides['en-US'], guides['nl-NL']];
    expect(nl.anchors).toEqual(en.anchors);
    const shape = (d: GuideDoc) =>
      walk(d.blocks)
        .map((n) => `${n.t}${n.id ?? ''}${n.href ?? ''}`)
        .filter((s) => /^(h|a)/.test(s));
    expect(shape(nl)).toEqual(shape(en));
  });

  it('have their own words', () => {
    expect(guides['en-US'].title).toBe('The OKR method in Cadence');
    expect(guides['nl-NL'].title).toBe('De OKR-methode in Cadence');
  });
});

describe('sectionOf', () => {
  const doc = markdownToGuide(
    ['# T', '<a id="a"></a>', '## A', 'intro', '<a id="b"></a><a id="c"></a>', '### B', 'b text', '### D', '## E'].join(
      '\n\n',
    ),
  );

  it('runs to the next heading of the same or a higher level', () => {
    expect(sectionOf(doc, 'a')?.blocks.map(plainText)).toEqual(['intro', 'B', 'b text', 'D']);
    expect(sectionOf(doc, 'b')?.blocks.map(plainText)).toEqual(['b text']);
  });

  it('opens one section for anchors that share it', () => {
    expect(sectionOf(doc, 'c')).toEqual(sectionOf(doc, 'b'));
    expect(doc.anchors).toEqual({ a: 'a', b: 'b', c: 'b' });
  });

  it('has nothing for an unknown anchor', () => {
    expect(sectionOf(doc, 'nope')).toBeUndefined();
  });
});

describe('markdownToGuide', () => {
  it('keeps words, emphasis, code, lists, tables and anchor links', () => {
    const doc = markdownToGuide('# T\n\n<a id="x"></a>\n\n## X\n\n- **a** _b_ `c` [d](#x)\n\n| h |\n| - |\n| v |\n');
    expect(doc.blocks).toEqual([
      { t: 'h2', id: 'x', c: ['X'] },
      {
        t: 'ul',
        c: [
          {
            t: 'li',
            c: [
              { t: 'strong', c: ['a'] },
              ' ',
              { t: 'em', c: ['b'] },
              ' ',
              { t: 'code', c: ['c'] },
              ' ',
              { t: 'a', href: '#x', c: ['d'] },
            ],
          },
        ],
      },
      {
        t: 'table',
        c: [
          { t: 'thead', c: [{ t: 'tr', c: [{ t: 'th', c: ['h'] }] }] },
          { t: 'tbody', c: [{ t: 'tr', c: [{ t: 'td', c: ['v'] }] }] },
        ],
      },
    ]);
  });

  it.each([
    ['HTML other than an anchor', '# T\n\nhi <b>there</b>\n'],
    ['an HTML block', '# T\n\n<div>x</div>\n'],
    ['a link to another site', '# T\n\n[x](https://example.com)\n'],
    ['an image', '# T\n\n![x](y.png)\n'],
    ['a code block', '# T\n\n```\nx\n```\n'],
    ['a quote', '# T\n\n> x\n'],
    ['anchors without a heading', '# T\n\n<a id="x"></a>\n\ntext\n'],
    ['no title', '## T\n'],
  ])('refuses %s', (_, source) => {
    expect(() => markdownToGuide(source)).toThrow(/method guide/);
  });
});
