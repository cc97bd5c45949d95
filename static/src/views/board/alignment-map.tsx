import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { BoardObjective } from '../../../../src/contract';
import { currentLocale, t } from '../../app/i18n';
import { Button } from '../../components/button';
import { formatScore } from '../../components/format';
import type { Signal } from '../../components/status';
import { barStatus } from '../../components/status';
import { CHILDREN_PAGE } from './board-actions';
import type { BoardIndex } from './board-index';
import type { FilterResult } from './filters';
import { usePeopleNames } from './use-people-names';
import './alignment-map.css';

/**
 * Past this many objectives in one picture the map stops drawing and asks to focus on a branch: a
 * picture of 1,000 boxes informs nobody. Focusing on a branch (clicking a node) shows any part of the tree.
 */
export const MAP_LIMIT = 250;
const NODE_W = 272;
const NODE_H = 78;
const COL_GAP = 56;
const ROW_GAP = 12;
const PAD = 16;
/** Characters per title line at the map's small semibold type in NODE_W (a conservative estimate). */
const LINE_CHARS = 30;
/** Room for a title line: from the text's x (14) to the clip's edge (NODE_W - 8), less a small margin. */
const TITLE_W = NODE_W - 8 - 14 - 6;
/** Zoom steps: out far enough to see a few hundred boxes' shape, in enough to read at arm's length. */
export const ZOOMS = [0.4, 0.55, 0.7, 0.85, 1, 1.25, 1.5] as const;
const ACTUAL = ZOOMS.indexOf(1);

interface Placed {
  id: string;
  x: number;
  y: number;
  parentId: string | undefined;
}

/**
 * Lays objectives out as a tree, left to right from the given roots: a column per level of alignment,
 * leaves one under another, each parent centred on its children. Linear in the objectives placed.
 */
const layout = (
  index: BoardIndex,
  filter: FilterResult | undefined,
  roots: readonly string[],
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
  for (const id of roots) place(id, 0, undefined);
  return {
    nodes,
    truncated,
    height: PAD * 2 + Math.max(1, nextLeaf) * (NODE_H + ROW_GAP),
    width: PAD * 2 + (depthMax + 1) * (NODE_W + COL_GAP) - COL_GAP,
  };
};

/** Whether a title line fits its box. */
type LineFits = (line: string) => boolean;

/** The estimate before the box's font can be measured: characters per line. */
const fitsChars =
  (max: number): LineFits =>
  (line) =>
    line.length <= max;

/**
 * A title in at most two lines that fit, cut at words. When it is longer, the second line shows its END
 * ("…in region 7"): titles of one cascade often share their first words ("Make enterprise customers
 * successful in …"), so the end is what tells the boxes apart. The full title is on hover/focus.
 */
export const twoLines = (title: string, fits: LineFits = fitsChars(LINE_CHARS)): [string, string] => {
  const whole = title.trim();
  const words = whole.split(/\s+/);
  let first = '';
  let i = 0;
  for (; i < words.length; i++) {
    const next = first === '' ? (words[i] ?? '') : `${first} ${words[i] ?? ''}`;
    if (!fits(next) && first !== '') break;
    first = next;
  }
  if (!fits(first))
    return [`${longest(first, (p) => fits(`${p}…`), 'start')}…`, `…${longest(whole, (p) => fits(`…${p}`), 'end')}`];
  const rest = words.slice(i).join(' ');
  if (fits(rest)) return [first, rest];
  let tail = '';
  for (let j = words.length - 1; j >= i; j--) {
    const next = tail === '' ? (words[j] ?? '') : `${words[j] ?? ''} ${tail}`;
    if (!fits(`…${next}`)) break;
    tail = next;
  }
  return [first, `…${tail === '' ? longest(rest, (p) => fits(`…${p}`), 'end') : tail}`];
};

/** The longest start or end of `text` (a word too long for a line) that still fits. */
const longest = (text: string, fits: LineFits, from: 'start' | 'end'): string => {
  let n = text.length;
  const part = (k: number): string => (from === 'start' ? text.slice(0, k) : text.slice(text.length - k));
  while (n > 1 && !fits(part(n))) n--;
  return part(n);
};

/**
 * Measures title lines in the font the map draws them in (a canvas in the computed font of a title), so a
 * line holds what the box has room for rather than a cautious character count. Until the map is drawn,
 * and where no canvas is at hand, the character estimate stands.
 */
const useMeasuredFit = (): LineFits => {
  const [fits, setFits] = useState<LineFits>(() => fitsChars(LINE_CHARS));
  useLayoutEffect(() => {
    const context = document.createElement('canvas').getContext('2d');
    if (context === null) return;
    // A title's computed font, from a probe in a throwaway SVG (the class's rule needs no ancestor).
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const probe = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    probe.setAttribute('class', 'cad-map__title');
    svg.appendChild(probe);
    document.body.appendChild(svg);
    const style = getComputedStyle(probe);
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    svg.remove();
    setFits(() => (line: string) => context.measureText(line).width <= TITLE_W);
  }, []);
  return fits;
};

/** The branch from the top of the tree down to `id` (ids, top first). */
const pathTo = (index: BoardIndex, id: string | undefined): string[] => {
  const path: string[] = [];
  for (let at = id; at !== undefined && path.length < 100; at = index.byId.get(at)?.parentId) path.unshift(at);
  return path;
};

interface NodeWords {
  /** Team (or level when it has none) and owner: what tells two similar titles apart. */
  who: string;
  /** Status (pace mid-cycle, grade in review), score, draft, and how many align to it. */
  state: string;
  tone: string;
}

/**
 * The alignment as a picture (SVG): each objective a box with its title on two lines, team, owner and
 * status, lines to the objectives aligned under it. Clicking a node with aligned objectives focuses the
 * map on its branch (a breadcrumb leads back); clicking a leaf, or the branch's top, opens the objective.
 * Zoom with the buttons or + / − / 0. Full titles show on hover and on keyboard focus. The list view
 * stays the complete reading of the same tree.
 */
export default function AlignmentMap({
  index,
  filter,
  onOpen,
  signal = 'pace',
  onLoadMore,
}: {
  index: BoardIndex;
  filter: FilterResult | undefined;
  onOpen: (objectiveId: string) => void;
  /** Which signal colours the boxes: pace mid-cycle, grades in review (components/status.tsx). */
  signal?: Signal;
  /** Loads an objective's children not loaded yet (the board's loadMore), when the map focuses on it. */
  onLoadMore?: (objectiveId: string | undefined) => void;
}) {
  const ids = useId();
  const [zoomStep, setZoomStep] = useState(ACTUAL);
  const [focusId, setFocusId] = useState<string | undefined>(undefined);
  const [tipId, setTipId] = useState<string | undefined>(undefined);
  const viewport = useRef<HTMLDivElement>(null);
  const fits = useMeasuredFit();
  const zoom = ZOOMS[zoomStep] ?? 1;
  // A focused branch that left the board (another filter, a reload without it) falls back to the whole tree.
  const focus = focusId !== undefined && index.byId.has(focusId) ? focusId : undefined;

  const { nodes, truncated, height, width } = useMemo(
    () => layout(index, filter, focus === undefined ? index.rootIds : [focus]),
    [index, filter, focus],
  );
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const owners = useMemo(
    () => [...new Set(nodes.flatMap((n) => index.byId.get(n.id)?.objective.ownerAccountId ?? []))],
    [nodes, index],
  );
  const names = usePeopleNames(owners);
  // What the picture cannot show yet: the focused branch's children (or the roots) still to load.
  const focusEntry = focus === undefined ? undefined : index.byId.get(focus);
  const unloaded = focusEntry === undefined ? index.moreRoots : focusEntry.childCount - focusEntry.childIds.length;

  const wordsOf = (o: BoardObjective, childCount: number): NodeWords => {
    const status = barStatus(signal, o.track, o.band);
    const score = o.score === null ? t('editor.map.noScore') : t('editor.map.score', { score: formatScore(o.score) });
    const team = o.teamId === undefined ? undefined : index.teamNames.get(o.teamId);
    return {
      who: [team ?? t(`editor.level.${o.level}`), names.get(o.ownerAccountId)].filter(Boolean).join(' · '),
      state: [
        status.words,
        score,
        o.status === 'draft' ? t('editor.map.draft') : undefined,
        childCount > 0 ? t('editor.map.aligned', { count: childCount }) : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
      tone: status.tone ?? 'none',
    };
  };

  const focusOn = (id: string) => {
    const entry = index.byId.get(id);
    // The board loads children a page at a time: a branch shown on its own asks for the rest of it.
    if (entry !== undefined && entry.childIds.length < entry.childCount) onLoadMore?.(id);
    setFocusId(id);
  };
  const activate = (id: string) => {
    const entry = index.byId.get(id);
    if (entry !== undefined && entry.childCount > 0 && id !== focus) focusOn(id);
    else onOpen(id);
  };

  // Zooming keeps the focused node in sight (the picture grows or shrinks around the scroll origin).
  useEffect(() => {
    const active = document.activeElement;
    if (active instanceof SVGElement && viewport.current?.contains(active) === true)
      active.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [zoomStep]);

  const zoomBy = (delta: number) => {
    setZoomStep((s) => Math.min(ZOOMS.length - 1, Math.max(0, s + delta)));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '+' || e.key === '=') zoomBy(1);
    else if (e.key === '-' || e.key === '_') zoomBy(-1);
    else if (e.key === '0') setZoomStep(ACTUAL);
    else return;
    e.preventDefault();
  };

  const branch = pathTo(index, focus);
  const tipNode = tipId === undefined ? undefined : byId.get(tipId);
  const tipEntry = tipId === undefined ? undefined : index.byId.get(tipId);
  const tipWords = tipEntry === undefined ? undefined : wordsOf(tipEntry.objective, tipEntry.childCount);
  const clipId = `${ids}-clip`;
  const tipDomId = `${ids}-tip`;

  return (
    <div className="cad-map">
      <div className="cad-map__bar">
        <nav aria-label={t('editor.map.breadcrumb')} className="cad-map__crumbs">
          <ol className="cad-map__crumb-list">
            <li>
              {focus === undefined ? (
                <span aria-current="location">{t('editor.map.all')}</span>
              ) : (
                <Button
                  appearance="link"
                  onClick={() => {
                    setFocusId(undefined);
                  }}
                >
                  {t('editor.map.all')}
                </Button>
              )}
            </li>
            {branch.map((id) => {
              const title = index.byId.get(id)?.objective.title ?? id;
              return (
                <li key={id}>
                  {id === focus ? (
                    <span aria-current="location" className="cad-map__crumb-current" title={title}>
                      {title}
                    </span>
                  ) : (
                    <Button
                      appearance="link"
                      onClick={() => {
                        focusOn(id);
                      }}
                    >
                      <span className="cad-map__crumb-text" title={title}>
                        {title}
                      </span>
                    </Button>
                  )}
                </li>
              );
            })}
          </ol>
          {focus === undefined ? null : (
            <Button
              appearance="subtle"
              onClick={() => {
                onOpen(focus);
              }}
            >
              {t('editor.map.openFocused', { title: index.byId.get(focus)?.objective.title ?? '' })}
            </Button>
          )}
        </nav>
        <div className="cad-inline cad-map__zoom" role="group" aria-label={t('editor.map.zoom')}>
          <Button
            appearance="subtle"
            aria-label={t('editor.map.zoomOut')}
            disabled={zoomStep === 0}
            onClick={() => {
              zoomBy(-1);
            }}
          >
            −
          </Button>
          <span className="cad-map__zoom-level" aria-live="polite">
            {t('editor.map.zoomLevel', {
              percent: new Intl.NumberFormat(currentLocale(), { style: 'percent' }).format(zoom),
            })}
          </span>
          <Button
            appearance="subtle"
            aria-label={t('editor.map.zoomIn')}
            disabled={zoomStep === ZOOMS.length - 1}
            onClick={() => {
              zoomBy(1);
            }}
          >
            +
          </Button>
          <Button
            appearance="subtle"
            disabled={zoomStep === ACTUAL}
            onClick={() => {
              setZoomStep(ACTUAL);
            }}
          >
            {t('editor.map.zoomReset')}
          </Button>
        </div>
      </div>
      <p className="cad-subtle cad-map__keys">{t('editor.map.keys')}</p>
      {truncated ? <p className="cad-subtle">{t('editor.map.truncated', { limit: MAP_LIMIT })}</p> : null}
      {unloaded > 0 && onLoadMore !== undefined ? (
        <p>
          <Button
            appearance="subtle"
            onClick={() => {
              onLoadMore(focus);
            }}
          >
            {t(focus === undefined ? 'board.more.showRoots' : 'board.more.showChildren', {
              count: Math.min(unloaded, CHILDREN_PAGE),
            })}
          </Button>
        </p>
      ) : null}
      {/* Keys bubble here from the nodes; the region itself is reachable too, to zoom before picking a node. */}
      <div
        ref={viewport}
        className="cad-map__viewport"
        role="region"
        aria-label={t('editor.map.label')}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <svg
          width={width * zoom}
          height={height * zoom}
          viewBox={`0 0 ${String(width)} ${String(height)}`}
          role="group"
          aria-label={t('editor.map.label')}
          data-zoom={zoom}
        >
          <defs>
            <clipPath id={clipId}>
              <rect width={NODE_W - 8} height={NODE_H} />
            </clipPath>
          </defs>
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
            const entry = index.byId.get(n.id);
            if (entry === undefined) return null;
            const o = entry.objective;
            const words = wordsOf(o, entry.childCount);
            const [line1, line2] = twoLines(o.title, fits);
            const meta = `${words.who} · ${words.state}`;
            const drills = entry.childCount > 0 && n.id !== focus;
            const dimmed = filter !== undefined && !filter.matched.has(n.id);
            return (
              <g
                key={n.id}
                className={`cad-map__node${dimmed ? ' cad-map__node--dimmed' : ''}`}
                transform={`translate(${String(n.x)},${String(n.y)})`}
                role="button"
                tabIndex={0}
                data-objective-id={n.id}
                aria-label={
                  drills
                    ? t('editor.map.focusNode', { title: o.title, meta, count: entry.childCount })
                    : t('editor.map.openNode', { title: o.title, meta })
                }
                aria-describedby={tipId === n.id ? tipDomId : undefined}
                onClick={() => {
                  activate(n.id);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    activate(n.id);
                  }
                }}
                onFocus={() => {
                  setTipId(n.id);
                }}
                onBlur={() => {
                  setTipId((v) => (v === n.id ? undefined : v));
                }}
                onMouseEnter={() => {
                  setTipId(n.id);
                }}
                onMouseLeave={() => {
                  setTipId((v) => (v === n.id ? undefined : v));
                }}
              >
                <title>{o.title}</title>
                <rect className="cad-map__box" width={NODE_W} height={NODE_H} rx={4} />
                <rect className={`cad-map__band cad-map__band--${words.tone}`} width={6} height={NODE_H} rx={2} />
                <g clipPath={`url(#${clipId})`}>
                  <text className="cad-map__title" x={14} y={19}>
                    {line1}
                  </text>
                  <text className="cad-map__title" x={14} y={35}>
                    {line2}
                  </text>
                  <text className="cad-map__meta" x={14} y={54}>
                    {words.who}
                  </text>
                  <text className="cad-map__meta" x={14} y={70}>
                    {words.state}
                  </text>
                </g>
              </g>
            );
          })}
        </svg>
        {tipNode === undefined || tipEntry === undefined || tipWords === undefined ? null : (
          <div
            id={tipDomId}
            role="tooltip"
            className="cad-map__tip"
            style={{ left: tipNode.x * zoom, top: (tipNode.y + NODE_H) * zoom + 4 }}
          >
            <strong className="cad-map__tip-title">{tipEntry.objective.title}</strong>
            <span className="cad-map__tip-meta">{tipWords.who}</span>
            <span className="cad-map__tip-meta">{tipWords.state}</span>
          </div>
        )}
      </div>
    </div>
  );
}
