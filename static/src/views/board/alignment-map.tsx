import { useMemo } from 'react';
import type { BoardIndex } from './board-index';
import type { FilterResult } from './filters';
import { LEVEL_WORDS } from './objective-row';
import './alignment-map.css';

/** Past this many objectives the map stops drawing: a picture of 1,000 boxes informs nobody; filter first. */
export const MAP_LIMIT = 250;
const NODE_W = 240;
const NODE_H = 44;
const COL_GAP = 64;
const ROW_GAP = 12;
const PAD = 16;

interface Placed {
  id: string;
  x: number;
  y: number;
  parentId: string | undefined;
}

/**
 * Lays the shown objectives out as a tree, left to right: a column per level of alignment, leaves one
 * under another, each parent centred on its children. Linear in the objectives placed.
 */
const layout = (
  index: BoardIndex,
  filter: FilterResult | undefined,
): { nodes: Placed[]; truncated: boolean; height: number; width: number } => {
  const nodes: Placed[] = [];
  let nextLeaf = 0;
  let depthMax = 0;
  let truncated = false;
  const place = (id: string, depth: number, parentId: string | undefined): number | undefined => {
    const entry = index.byId.get(id);
    if (entry === undefined || (filter !== undefined && !filter.shown.has(id))) return undefined;
    if (nodes.length >= MAP_LIMIT) {
      truncated = true;
      return undefined;
    }
    const node: Placed = { id, x: PAD + depth * (NODE_W + COL_GAP), y: 0, parentId };
    nodes.push(node);
    depthMax = Math.max(depthMax, depth);
    const ys = entry.childIds.map((c) => place(c, depth + 1, id)).filter((y): y is number => y !== undefined);
    node.y = ys.length === 0 ? PAD + nextLeaf++ * (NODE_H + ROW_GAP) : ((ys[0] ?? 0) + (ys.at(-1) ?? 0)) / 2;
    return node.y;
  };
  for (const id of index.rootIds) place(id, 0, undefined);
  return {
    nodes,
    truncated,
    height: PAD * 2 + Math.max(1, nextLeaf) * (NODE_H + ROW_GAP),
    width: PAD * 2 + (depthMax + 1) * (NODE_W + COL_GAP) - COL_GAP,
  };
};

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The alignment as a picture (SVG): each objective a box with its score in band colour, lines to the
 * objectives aligned under it. Boxes are buttons (Enter or Space opens the objective); the list view
 * stays the complete, accessible reading of the same tree.
 */
export default function AlignmentMap({
  index,
  filter,
  onOpen,
}: {
  index: BoardIndex;
  filter: FilterResult | undefined;
  onOpen: (objectiveId: string) => void;
}) {
  const { nodes, truncated, height, width } = useMemo(() => layout(index, filter), [index, filter]);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  return (
    <div className="cad-map">
      {truncated ? (
        <p className="cad-subtle">
          The map shows the first {MAP_LIMIT} objectives of the tree; filter by team or owner to see the others.
        </p>
      ) : null}
      <div className="cad-map__viewport">
        <svg width={width} height={height} role="group" aria-label="Alignment map">
          {nodes.map((n) => {
            const parent = n.parentId === undefined ? undefined : byId.get(n.parentId);
            if (parent === undefined) return null;
            const x1 = parent.x + NODE_W;
            const y1 = parent.y + NODE_H / 2;
            const x2 = n.x;
            const y2 = n.y + NODE_H / 2;
            const mid = (x1 + x2) / 2;
            return (
              <path
                key={`e-${n.id}`}
                className="cad-map__edge"
                d={`M${String(x1)},${String(y1)} C${String(mid)},${String(y1)} ${String(mid)},${String(y2)} ${String(x2)},${String(y2)}`}
              />
            );
          })}
          {nodes.map((n) => {
            const o = index.byId.get(n.id)?.objective;
            if (o === undefined) return null;
            const score = o.score === null ? 'no score yet' : `score ${o.score.toFixed(2)}`;
            const dimmed = filter !== undefined && !filter.matched.has(n.id);
            return (
              <g
                key={n.id}
                className={`cad-map__node${dimmed ? ' cad-map__node--dimmed' : ''}`}
                transform={`translate(${String(n.x)},${String(n.y)})`}
                role="button"
                tabIndex={0}
                aria-label={`${o.title}: ${LEVEL_WORDS[o.level]} objective, ${score}`}
                onClick={() => {
                  onOpen(n.id);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onOpen(n.id);
                  }
                }}
              >
                <rect className="cad-map__box" width={NODE_W} height={NODE_H} rx={4} />
                <rect className={`cad-map__band cad-map__band--${o.band ?? 'none'}`} width={6} height={NODE_H} rx={2} />
                <text className="cad-map__title" x={14} y={18}>
                  {clip(o.title, 30)}
                </text>
                <text className="cad-map__meta" x={14} y={35}>
                  {LEVEL_WORDS[o.level]} · {score}
                  {o.status === 'draft' ? ' · draft' : ''}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}
