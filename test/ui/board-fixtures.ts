import type { Board, BoardKeyResult, BoardNode, BoardObjective, CompactFinding } from '../../src/contract';

/**
 * Small boards for the board's own logic (index, filters, rows): only the fields that logic reads are
 * filled, the rest of the contract's shape is left out on purpose (a cast keeps the fixture short).
 */
export interface ObjectiveSpec {
  id: string;
  title?: string;
  teamId?: string;
  owner?: string;
  status?: BoardObjective['status'];
  track?: BoardObjective['track'];
  band?: BoardObjective['band'];
  keyResults?: number;
  keyResultOwners?: string[];
  children?: ObjectiveSpec[];
  /** Children on the board beyond those given (not loaded yet). */
  moreChildren?: number;
}

export const objectiveOf = (spec: ObjectiveSpec): BoardObjective =>
  ({
    id: spec.id,
    title: spec.title ?? `Objective ${spec.id}`,
    level: spec.teamId === undefined ? 'company' : 'team',
    ...(spec.teamId === undefined ? {} : { teamId: spec.teamId }),
    ownerAccountId: spec.owner ?? 'acc-ceo',
    status: spec.status ?? 'published',
    track: spec.track ?? 'on_pace',
    band: spec.band ?? null,
    score: null,
    rollup: null,
    canEdit: true,
    keyResultSummary: { count: spec.keyResults ?? 0, owners: spec.keyResultOwners ?? [] },
  }) as unknown as BoardObjective;

export const nodeOf = (spec: ObjectiveSpec): BoardNode => {
  const children = (spec.children ?? []).map(nodeOf);
  return { objective: objectiveOf(spec), childCount: children.length + (spec.moreChildren ?? 0), children };
};

export const boardOf = (
  roots: ObjectiveSpec[],
  options: { findings?: CompactFinding[]; moreRoots?: number } = {},
): Board => {
  const nodes = roots.map(nodeOf);
  let count = 0;
  const walk = (ns: BoardNode[]): void => {
    for (const n of ns) {
      count += 1;
      walk(n.children);
    }
  };
  walk(nodes);
  return {
    cycle: { id: 'cycle-1', name: 'Q4', status: 'active' },
    teams: [
      { id: 'team-a', name: 'Alpha', jiraProjectKeys: ['ALP'] },
      { id: 'team-b', name: 'Beta', jiraProjectKeys: [] },
    ],
    roots: nodes,
    rootCount: nodes.length + (options.moreRoots ?? 0),
    objectiveCount: count,
    detached: [],
    findings: options.findings ?? [],
    kpis: [],
  } as unknown as Board;
};

export const keyResultOf = (id: string, title: string): BoardKeyResult =>
  ({ id, title, ownerAccountId: 'acc-kr' }) as unknown as BoardKeyResult;

/**
 * company c1 -> team a1 (team A, ann) -> team b2 (team B, bob, draft) ; c1 -> team b1 (team B, bob);
 * c2 (company, behind).
 */
export const SAMPLE: ObjectiveSpec[] = [
  {
    id: 'c1',
    title: 'Make enterprise customers successful',
    children: [
      {
        id: 'a1',
        title: 'Onboard teams in a week',
        teamId: 'team-a',
        owner: 'acc-ann',
        keyResults: 2,
        keyResultOwners: ['acc-kim'],
        children: [{ id: 'b2', title: 'Write the import guide', teamId: 'team-b', owner: 'acc-bob', status: 'draft' }],
      },
      { id: 'b1', title: 'Cut failed payments', teamId: 'team-b', owner: 'acc-bob', band: 'red', track: 'behind' },
    ],
  },
  { id: 'c2', title: 'Grow the brand', track: 'behind', band: 'green' },
];
