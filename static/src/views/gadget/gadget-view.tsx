import type { BoardKeyResult, BoardObjective, CycleView, Scorecard } from '../../../../src/contract';
import { t } from '../../app/i18n';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { currentCycle } from '../../components/cycles';
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

/**
 * My KRs in one read: keyResults.mine reads the whole cycle's KR owners on the backend (board.get only
 * answers a first screen, so it cannot be the list), then the rows of just the objectives where I own a
 * KR. Cheaper than a whole scorecard (every KR and epic of the cycle) for the one person looking.
 * Without a cycle it answers the current one, and null when there is none yet.
 */
const loadMine = async (cycleId: string): Promise<Loaded> => {
  const mine = await api['keyResults.mine'](cycleId === '' ? {} : { cycleId });
  if (mine.cycle === null) return { kind: 'no-cycle' };
  const rows = mine.objectives.flatMap(({ objectiveId, title, keyResults }) =>
    keyResults.map((keyResult) => ({ keyResult, objective: { id: objectiveId, title } })),
  );
  return { kind: 'mine', cycle: mine.cycle, rows };
};

const load = async (config: GadgetConfig): Promise<Loaded> => {
  if (config.mode === 'mine') return loadMine(config.cycleId);
  let cycleId = config.cycleId;
  if (cycleId === '') {
    const { cycles } = await api['cycles.list']({});
    const current = currentCycle(cycles);
    if (current === undefined) return { kind: 'no-cycle' };
    cycleId = current.id;
  }
  return {
    kind: 'team',
    scorecard: await api['scorecard.get']({
      cycleId,
      teamId: config.teamId,
      includeKeyResults: true,
      includeInitiatives: false,
    }),
  };
};

/** The gadget: my KRs in the chosen (or current) cycle, or a team's scorecard. */
export function GadgetView({ config, accountId }: { config: GadgetConfig; accountId: string | undefined }) {
  // The account id keys the read: keyResults.mine answers for whoever invokes, so a switch of user reloads.
  const data = useAsync(() => load(config), [config.mode, config.teamId, config.cycleId, accountId]);
  const loaded = data.data;
  return (
    <main className="cad-view cad-view--compact">
      {data.status === 'error' ? (
        <ErrorState
          error={data.error}
          reload={data.reload}
          title={loaded === undefined ? t('gadget.loadFailed') : t('gadget.refreshFailed')}
        />
      ) : null}
      {loaded === undefined ? (
        data.status === 'error' ? null : (
          <LoadingState label={config.mode === 'mine' ? t('gadget.loadingMine') : t('gadget.loadingScorecard')} />
        )
      ) : loaded.kind === 'no-cycle' ? (
        <EmptyState title={t('gadget.noCycle.title')} description={t('gadget.noCycle.description')} />
      ) : loaded.kind === 'team' ? (
        <ScorecardView scorecard={loaded.scorecard} includeInitiatives={false} />
      ) : (
        <MyKeyResults cycle={loaded.cycle} rows={loaded.rows} onCheckedIn={data.reload} />
      )}
    </main>
  );
}
