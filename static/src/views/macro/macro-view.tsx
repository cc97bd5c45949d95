import type { Board, Cycle, Scorecard } from '../../../../src/contract';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { currentCycle } from '../../components/cycles';
import { ScorecardView } from '../../components/scorecard';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { CheckInPanel } from './check-in-panel';
import type { MacroConfig } from './config';
import { MacroBoard } from './macro-board';

type Loaded =
  | { kind: 'no-cycle' }
  | { kind: 'scorecard'; scorecard: Scorecard }
  | { kind: 'board'; board: Board }
  | { kind: 'check-in'; scorecard: Scorecard };

/** '' follows the current cycle: resolved with cycles.list on each view, so the page moves on by itself. */
const resolveCycle = async (cycleId: string): Promise<string | undefined> => {
  if (cycleId !== '') return cycleId;
  const { cycles } = await api['cycles.list']({});
  return currentCycle<Cycle>(cycles)?.id;
};

/** One read per kind: scorecard.get, or board.get (the tree's first screen, filtered by team on the backend). */
const load = async (config: MacroConfig): Promise<Loaded> => {
  const cycleId = await resolveCycle(config.cycleId);
  if (cycleId === undefined) return { kind: 'no-cycle' };
  const target = config.scope === 'objective' ? { objectiveId: config.objectiveId } : { teamId: config.teamId };
  switch (config.kind) {
    case 'scorecard':
      return {
        kind: 'scorecard',
        scorecard: await api['scorecard.get']({
          cycleId,
          ...target,
          includeKeyResults: config.includeKeyResults,
          includeInitiatives: config.includeKeyResults && config.includeInitiatives,
        }),
      };
    case 'board':
      return {
        kind: 'board',
        board: await api['board.get']({ cycleId, ...(config.scope === 'team' ? { teamId: config.teamId } : {}) }),
      };
    case 'check-in':
      return {
        kind: 'check-in',
        scorecard: await api['scorecard.get']({
          cycleId,
          teamId: config.teamId,
          includeKeyResults: true,
          includeInitiatives: false,
        }),
      };
  }
};

/** What the page embeds, read-only except the check-in panel's forms. */
export function MacroView({ config }: { config: MacroConfig }) {
  const data = useAsync(
    () => load(config),
    [
      config.kind,
      config.cycleId,
      config.scope,
      config.teamId,
      config.objectiveId,
      config.includeKeyResults,
      config.includeInitiatives,
    ],
  );
  const loaded = data.data;
  if (loaded === undefined) {
    return (
      <main className="cad-view cad-view--compact">
        {data.status === 'error' ? (
          <ErrorState error={data.error} reload={data.reload} title="The OKRs could not load" />
        ) : (
          <LoadingState label="Loading OKRs…" />
        )}
      </main>
    );
  }
  return (
    <main className="cad-view cad-view--compact">
      {data.status === 'error' ? (
        <ErrorState error={data.error} reload={data.reload} title="The OKRs could not refresh" />
      ) : null}
      {loaded.kind === 'no-cycle' ? (
        <EmptyState title="No OKR cycle yet" description="A Jira admin creates cycles on the Cadence OKRs page." />
      ) : loaded.kind === 'scorecard' ? (
        <ScorecardView
          scorecard={loaded.scorecard}
          includeInitiatives={config.includeKeyResults && config.includeInitiatives}
        />
      ) : loaded.kind === 'board' ? (
        <MacroBoard board={loaded.board} config={config} />
      ) : (
        <CheckInPanel scorecard={loaded.scorecard} onCheckedIn={data.reload} />
      )}
    </main>
  );
}
