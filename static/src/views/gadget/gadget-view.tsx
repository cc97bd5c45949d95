import type { BoardKeyResult, BoardObjective, CycleView, Scorecard } from '../../../../src/contract';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { currentCycle } from '../../components/cycles';
import { flattenTree } from '../../components/objective-tree';
import { ScorecardView } from '../../components/scorecard';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import type { GadgetConfig } from './config';
import { MyKeyResults } from './my-key-results';
import './gadget.css';

export interface MyKeyResult {
  keyResult: BoardKeyResult;
  objective: Pick<BoardObjective, 'id' | 'title'>;
}

type Loaded =
  | { kind: 'no-cycle' }
  | { kind: 'mine'; cycle: CycleView; rows: MyKeyResult[] }
  | { kind: 'team'; scorecard: Scorecard };

/** board.keyResults takes at most 100 objectives per call. */
const CHUNK = 100;

/**
 * My KRs in two reads: board.get gives every objective with the owners of its KRs (no KR rows), then
 * board.keyResults fetches the KR rows of just the objectives where I own a KR. Cheaper than a whole
 * scorecard (every KR and epic of the cycle) for the one person looking.
 */
const loadMine = async (cycleId: string, me: string): Promise<Loaded> => {
  const board = await api['board.get']({ cycleId });
  const mine = flattenTree(board.roots)
    .map((n) => n.objective)
    .filter((o) => o.status !== 'archived' && o.keyResultSummary.owners.includes(me));
  const chunks: (typeof mine)[] = [];
  for (let i = 0; i < mine.length; i += CHUNK) chunks.push(mine.slice(i, i + CHUNK));
  const answers = await Promise.all(
    chunks.map((c) => api['board.keyResults']({ cycleId, objectiveIds: c.map((o) => o.id) })),
  );
  const byId = new Map(mine.map((o) => [o.id, o]));
  const rows = answers.flatMap((a) =>
    a.objectives.flatMap(({ objectiveId, keyResults }) => {
      const objective = byId.get(objectiveId);
      return objective === undefined
        ? []
        : keyResults
            .filter((kr) => kr.ownerAccountId === me)
            .map((keyResult) => ({ keyResult, objective: { id: objective.id, title: objective.title } }));
    }),
  );
  return { kind: 'mine', cycle: board.cycle, rows };
};

const load = async (config: GadgetConfig, accountId: string | undefined): Promise<Loaded> => {
  let cycleId = config.cycleId;
  if (cycleId === '') {
    const { cycles } = await api['cycles.list']({});
    const current = currentCycle(cycles);
    if (current === undefined) return { kind: 'no-cycle' };
    cycleId = current.id;
  }
  if (config.mode === 'team') {
    return {
      kind: 'team',
      scorecard: await api['scorecard.get']({
        cycleId,
        teamId: config.teamId,
        includeKeyResults: true,
        includeInitiatives: false,
      }),
    };
  }
  const me = accountId ?? (await api['me.get']({})).accountId;
  return loadMine(cycleId, me);
};

/** The gadget: my KRs in the chosen (or current) cycle, or a team's scorecard. */
export function GadgetView({ config, accountId }: { config: GadgetConfig; accountId: string | undefined }) {
  const data = useAsync(() => load(config, accountId), [config.mode, config.teamId, config.cycleId, accountId]);
  const loaded = data.data;
  return (
    <main className="cad-view cad-view--compact">
      {data.status === 'error' ? (
        <ErrorState
          error={data.error}
          reload={data.reload}
          title={loaded === undefined ? 'Your OKRs could not load' : 'Your OKRs could not refresh'}
        />
      ) : null}
      {loaded === undefined ? (
        data.status === 'error' ? null : (
          <LoadingState label={config.mode === 'mine' ? 'Loading your key results…' : 'Loading the scorecard…'} />
        )
      ) : loaded.kind === 'no-cycle' ? (
        <EmptyState title="No OKR cycle yet" description="A Jira admin creates cycles on the Cadence OKRs page." />
      ) : loaded.kind === 'team' ? (
        <ScorecardView scorecard={loaded.scorecard} includeInitiatives={false} />
      ) : (
        <MyKeyResults cycle={loaded.cycle} rows={loaded.rows} />
      )}
    </main>
  );
}
