import { lazy, Suspense } from 'react';
import type { Board, Cycle, Scorecard } from '../../../../src/contract';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { t } from '../../app/i18n';
import { currentCycle } from '../../components/cycles';
import { ScorecardView } from '../../components/scorecard';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import type { CheckInPanel } from './check-in-panel';
import { CompanyScorecard } from './company-scorecard';
import type { MacroConfig } from './config';
import { asOfOf, effectiveScope } from './config';
import type { FrozenLabel } from './frozen-label';
import type { MacroBoard } from './macro-board';

/** KPIs beside a scorecard: a chunk of its own, fetched only by pages that show them (bench:ui's macro budget). */
const KpiOverview = lazy(() => import('../../components/kpi-overview'));
/** A team's "not this cycle" list under its scorecard: a chunk of its own too, read-only. */
const LeftOutOverview = lazy(() => import('../../components/left-out-overview'));

/**
 * The scorecard's KPIs (a team's, or the company's own), pinned to the frozen scorecard's last day
 * when it is frozen; none for an objective's scorecard or when the config leaves them out.
 */
function ScorecardKpis({ config, scorecard }: { config: MacroConfig; scorecard: Scorecard }) {
  const scope = effectiveScope(config);
  if (!config.showKpis || scope === 'objective') return null;
  return (
    <Suspense fallback={<LoadingState inline />}>
      <KpiOverview teamId={scope === 'team' ? config.teamId : undefined} through={scorecard.frozen?.through} />
    </Suspense>
  );
}

type Loaded =
  | { kind: 'no-cycle' }
  | { kind: 'scorecard'; scorecard: Scorecard; Label: typeof FrozenLabel | undefined }
  | { kind: 'company'; scorecard: Scorecard; Label: typeof FrozenLabel | undefined }
  | { kind: 'board'; board: Board; Tree: typeof MacroBoard }
  | { kind: 'check-in'; scorecard: Scorecard; Panel: typeof CheckInPanel };

/** '' follows the current cycle: resolved with cycles.list on each view, so the page moves on by itself. */
const resolveCycle = async (cycleId: string): Promise<string | undefined> => {
  if (cycleId !== '') return cycleId;
  const { cycles } = await api['cycles.list']({});
  return currentCycle<Cycle>(cycles)?.id;
};

/** The frozen note and its words: a chunk only pages that freeze their figures load (bench:ui's macro budget). */
const loadFrozenLabel = (): Promise<typeof FrozenLabel> =>
  import('./frozen-label').then((m) => m.frozenLabelWithWords());

/**
 * The scorecard and, when it is frozen, its note: fetched beside the data when the config asks for a
 * frozen one, else only once the answer says so (a closed cycle's default).
 */
const withLabel = async (
  read: Promise<Scorecard>,
  frozenAsked: boolean,
): Promise<{ scorecard: Scorecard; Label: typeof FrozenLabel | undefined }> => {
  const early = frozenAsked ? loadFrozenLabel() : undefined;
  const scorecard = await read;
  return { scorecard, Label: scorecard.frozen === null ? undefined : await (early ?? loadFrozenLabel()) };
};

/**
 * One read per kind: scorecard.get (for the whole company byTeam: figures per team, each team's
 * objectives read when opened), or board.get (the tree's first screen, filtered by team on the backend).
 */
const load = async (config: MacroConfig): Promise<Loaded> => {
  const cycleId = await resolveCycle(config.cycleId);
  if (cycleId === undefined) return { kind: 'no-cycle' };
  const scope = effectiveScope(config);
  const target =
    scope === 'objective' ? { objectiveId: config.objectiveId } : scope === 'team' ? { teamId: config.teamId } : {};
  // Live, frozen at a week, or at the cycle's end (absent: the backend's default for the cycle).
  const asOf = asOfOf(config);
  const frozen = asOf === undefined ? {} : { asOf };
  const frozenAsked = asOf !== undefined && asOf.kind !== 'live';
  switch (config.kind) {
    case 'scorecard':
      if (scope === 'company')
        return {
          kind: 'company',
          ...(await withLabel(api['scorecard.get']({ cycleId, byTeam: true, ...frozen }), frozenAsked)),
        };
      return {
        kind: 'scorecard',
        ...(await withLabel(
          api['scorecard.get']({
            cycleId,
            ...target,
            ...frozen,
            includeKeyResults: config.includeKeyResults,
            includeInitiatives: config.includeKeyResults && config.includeInitiatives,
          }),
          frozenAsked,
        )),
      };
    case 'board': {
      // The tree, like the check-in panel below, is a chunk of its own fetched beside its data.
      const [board, { MacroBoard: Tree }] = await Promise.all([
        api['board.get']({ cycleId, ...(scope === 'team' ? { teamId: config.teamId } : {}) }),
        import('./macro-board'),
      ]);
      return { kind: 'board', board, Tree };
    }
    case 'check-in': {
      // The check-in panel (forms, history) is a chunk of its own, fetched beside its data: pages that
      // embed a scorecard or the tree, most of them, never load it (bench:ui's macro budget).
      const [scorecard, { CheckInPanel: Panel }] = await Promise.all([
        api['scorecard.get']({ cycleId, teamId: config.teamId, includeKeyResults: true, includeInitiatives: false }),
        import('./check-in-panel'),
      ]);
      return { kind: 'check-in', scorecard, Panel };
    }
  }
};

/**
 * What the page embeds, read-only except the check-in panel's forms. `embedded`: drawn inside the config
 * dialog as its preview (a region of that page, not a page of its own).
 */
export function MacroView({ config, embedded = false }: { config: MacroConfig; embedded?: boolean }) {
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
      config.figures,
      config.week,
    ],
  );
  const loaded = data.data;
  const Shell = embedded ? 'div' : 'main';
  if (loaded === undefined) {
    return (
      <Shell className="cad-view cad-view--compact">
        {data.status === 'error' ? (
          <ErrorState error={data.error} reload={data.reload} title={t('macro.view.loadError')} />
        ) : (
          <LoadingState label={t('macro.view.loading')} />
        )}
      </Shell>
    );
  }
  return (
    <Shell className="cad-view cad-view--compact">
      {data.status === 'error' ? (
        <ErrorState error={data.error} reload={data.reload} title={t('macro.view.refreshError')} />
      ) : null}
      {loaded.kind === 'no-cycle' ? (
        <EmptyState title={t('macro.view.noCycle.title')} description={t('macro.view.noCycle.description')} />
      ) : loaded.kind === 'scorecard' || loaded.kind === 'company' ? (
        <>
          {loaded.Label === undefined ? null : (
            <loaded.Label frozen={loaded.scorecard.frozen} cycle={loaded.scorecard.cycle} />
          )}
          {/* Frozen at a week with no snapshot yet: the label says so, and no figure shows. */}
          {loaded.scorecard.frozen?.week === null ? null : loaded.kind === 'scorecard' ? (
            <ScorecardView
              scorecard={loaded.scorecard}
              includeInitiatives={config.includeKeyResults && config.includeInitiatives}
            />
          ) : (
            <CompanyScorecard
              scorecard={loaded.scorecard}
              includeKeyResults={config.includeKeyResults}
              includeInitiatives={config.includeKeyResults && config.includeInitiatives}
            />
          )}
          <ScorecardKpis config={config} scorecard={loaded.scorecard} />
          {loaded.kind === 'scorecard' && effectiveScope(config) === 'team' ? (
            <Suspense fallback={<LoadingState inline />}>
              <LeftOutOverview cycleId={loaded.scorecard.cycle.id} teamId={config.teamId} />
            </Suspense>
          ) : null}
        </>
      ) : loaded.kind === 'board' ? (
        <loaded.Tree board={loaded.board} config={config} />
      ) : (
        <loaded.Panel scorecard={loaded.scorecard} onCheckedIn={data.reload} />
      )}
    </Shell>
  );
}
