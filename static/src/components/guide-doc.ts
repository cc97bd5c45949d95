/**
 * The user guide's tree (docs/okr-method*.md, converted at build time by static/guide/markdown-to-guide.cjs):
 * a fixed set of elements, so the product renders the guide with React elements and no HTML string.
 */
export type GuideTag =
  | 'h2'
  | 'h3'
  | 'h4'
  | 'p'
  | 'ul'
  | 'ol'
  | 'li'
  | 'table'
  | 'thead'
  | 'tbody'
  | 'tr'
  | 'th'
  | 'td'
  | 'strong'
  | 'em'
  | 'code'
  | 'a';

export interface GuideElement {
  t: GuideTag;
  /** A heading's anchor. */
  id?: string;
  /** A link's target, always `#<anchor>` (links to files are reduced to their words at build time). */
  href?: string;
  c?: GuideNode[];
}

export type GuideNode = string | GuideElement;

export interface GuideDoc {
  /** The document's # heading. */
  readonly title: string;
  readonly blocks: readonly GuideElement[];
  /** Every anchor to the id of the heading it stands above (several rules may share one section). */
  readonly anchors: Readonly<Record<string, string>>;
}

export interface GuideSection {
  /** The heading's anchor id. */
  readonly id: string;
  readonly heading: GuideElement;
  /** What follows the heading up to the next heading of the same or a higher level. */
  readonly blocks: readonly GuideElement[];
}

const LEVEL: Partial<Record<GuideTag, number>> = { h2: 2, h3: 3, h4: 4 };

/** The section an anchor (a rule id, or a topic such as "scoring") opens, or undefined when there is none. */
export const sectionOf = (doc: GuideDoc, anchor: string): GuideSection | undefined => {
  const id = doc.anchors[anchor];
  const start = doc.blocks.findIndex((b) => b.id !== undefined && b.id === id);
  const heading = doc.blocks[start];
  const level = heading === undefined ? undefined : LEVEL[heading.t];
  if (id === undefined || heading === undefined || level === undefined) return undefined;
  const rest = doc.blocks.slice(start + 1);
  const end = rest.findIndex((b) => (LEVEL[b.t] ?? Infinity) <= level);
  return { id, heading, blocks: end === -1 ? rest : rest.slice(0, end) };
};

/** A node's words without markup (a heading as the dialog's title). */
export const plainText = (node: GuideNode): string =>
  typeof node === 'string' ? node : (node.c ?? []).map(plainText).join('');
