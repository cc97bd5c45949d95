import type { Board, BoardObjective, CompactFinding, Severity } from '../../../../src/contract';

/**
 * Everything the board derives from one board.get answer, computed once per answer (never per row or
 * per keystroke): the tree as flat maps, each objective's depth and children, its findings, the text
 * it is searched by and the people it involves.
 */
export interface ObjectiveEntry {
  readonly objective: BoardObjective;
  readonly parentId: string | undefined;
  readonly depth: number;
  /** Children loaded so far (board.get's first screen and board.children's pages). */
  readonly childIds: readonly string[];
  /** Children on the board, loaded or not: childIds may hold only the first of them. */
  readonly childCount: number;
  /** Findings on the objective or one of its KRs. */
  readonly findings: number;
  readonly worstSeverity: Severity | undefined;
  /** Set when the objective's parent is archived or gone (shown at the root with a note). */
  readonly detached: 'parent-archived' | 'parent-missing' | undefined;
}

export interface BoardIndex {
  readonly byId: ReadonlyMap<string, ObjectiveEntry>;
  readonly rootIds: readonly string[];
  /** Roots not loaded yet (board.children loads them). */
  readonly moreRoots: number;
  /** Objectives on the board, loaded or not. */
  readonly objectiveCount: number;
  /** Every objective id in tree order (depth first), so selectors iterate once, in display order. */
  readonly order: readonly string[];
  readonly teamNames: ReadonlyMap<string, string>;
  /** Active KPIs by id (board.get `kpis`): the "KPI: name" on objectives that respond to one. */
  readonly kpis: ReadonlyMap<string, Board['kpis'][number]>;
  /** Each team's first Jira project: the team page its KPIs live on. */
  readonly teamProjects: ReadonlyMap<string, string>;
  /** Everyone who owns an objective or a KR, or reviews an objective: the user directory loads these. */
  readonly people: readonly string[];
  /** Objective owners, for the owner filter (it means the objective owner: domain/board-filter.ts). */
  readonly owners: readonly string[];
  /** Findings on teams or people rather than on one objective (e.g. too many objectives). */
  readonly otherFindings: number;
  /** Totals for the summary line. */
  readonly keyResultCount: number;
  readonly findingCount: number;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** KR ids are `<objectiveId>-k<suffix>` (README: ids are hierarchical), so a KR finding maps to its objective. */
export const objectiveIdOfKeyResult = (keyResultId: string): string => {
  const at = keyResultId.lastIndexOf('-k');
  return at > 0 ? keyResultId.slice(0, at) : keyResultId;
};

const findingObjectiveId = (finding: CompactFinding): string | undefined => {
  if (finding.target.kind === 'objective') return finding.target.id;
  if (finding.target.kind === 'keyResult') return objectiveIdOfKeyResult(finding.target.id);
  return undefined;
};

export const indexBoard = (board: Board): BoardIndex => {
  const findingCount = new Map<string, number>();
  const worst = new Map<string, Severity>();
  let otherFindings = 0;
  for (const finding of board.findings) {
    const id = findingObjectiveId(finding);
    if (id === undefined) {
      otherFindings++;
      continue;
    }
    findingCount.set(id, (findingCount.get(id) ?? 0) + 1);
    const current = worst.get(id);
    if (current === undefined || SEVERITY_RANK[finding.severity] < SEVERITY_RANK[current])
      worst.set(id, finding.severity);
  }
  const detached = new Map(board.detached.map((d) => [d.objectiveId, d.reason]));

  const byId = new Map<string, ObjectiveEntry>();
  const order: string[] = [];
  const people = new Set<string>();
  const owners = new Set<string>();
  let keyResultCount = 0;
  // Depth-first with an explicit stack, children pushed in reverse so `order` is the display order.
  const stack = [...board.roots]
    .reverse()
    .map((node) => ({ node, parentId: undefined as string | undefined, depth: 0 }));
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    const { node, parentId, depth } = item;
    const o = node.objective;
    order.push(o.id);
    keyResultCount += o.keyResultSummary.count;
    owners.add(o.ownerAccountId);
    people.add(o.ownerAccountId);
    for (const id of o.keyResultSummary.owners) people.add(id);
    if (o.reviewerAccountId !== undefined) people.add(o.reviewerAccountId);
    byId.set(o.id, {
      objective: o,
      parentId,
      depth,
      childIds: node.children.map((c) => c.objective.id),
      childCount: Math.max(node.childCount, node.children.length),
      findings: findingCount.get(o.id) ?? 0,
      worstSeverity: worst.get(o.id),
      detached: detached.get(o.id),
    });
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i];
      if (child !== undefined) stack.push({ node: child, parentId: o.id, depth: depth + 1 });
    }
  }
  return {
    byId,
    rootIds: board.roots.map((r) => r.objective.id),
    moreRoots: Math.max(0, board.rootCount - board.roots.length),
    objectiveCount: Math.max(board.objectiveCount, order.length),
    order,
    teamNames: new Map(board.teams.map((t) => [t.id, t.name])),
    kpis: new Map(board.kpis.map((k) => [k.id, k])),
    teamProjects: new Map(
      board.teams.flatMap((t) => (t.jiraProjectKeys[0] === undefined ? [] : [[t.id, t.jiraProjectKeys[0]]])),
    ),
    people: [...people],
    owners: [...owners],
    otherFindings,
    keyResultCount,
    findingCount: board.findings.length,
  };
};

/** An objective and everything below it: what may not become its parent (alignment loops). */
export const subtreeIds = (index: BoardIndex, id: string): Set<string> => {
  const out = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === undefined || out.has(next)) continue;
    out.add(next);
    stack.push(...(index.byId.get(next)?.childIds ?? []));
  }
  return out;
};
