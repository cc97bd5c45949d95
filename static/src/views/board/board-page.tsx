import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Cycle } from '../../../../src/contract';
import { useAsync } from '../../api/use-api';
import { Button } from '../../components/button';
import { ReadOnlyProvider, WriteButton } from '../../components/read-only';
import { currentCycle } from '../../components/cycles';
import { t } from '../../app/i18n';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import type { BoardActions } from './board-actions';
import type { BoardIndex } from './board-index';
import { indexBoard } from './board-index';
import { BoardList } from './board-list';
import type { BoardStart } from './board-start';
import { CycleBar } from './cycle-bar';
import { CoverageFigure } from './coverage-figure';
import { FilterBar } from './filter-bar';
import type { FilterResult } from './filters';
import { applyFilters, NO_FILTERS, scopeOf } from './filters';
import type { PanelState } from './panel-state';
import { buildRows } from './rows';
import { SidePanel } from './side-panel';
import { signalOf, StatusSummaryBar } from '../../components/status';
import { ForecastFilterButton } from './forecast-filter';
import { LeftOutBoard } from '../../components/left-out-board';
import { useBoardPages } from './use-board-pages';
import { useArrived, useBoardRoute } from './use-board-route';
import { useKeyResultRows } from './use-key-result-rows';
import { BOARD_MARKS, markOnce } from './perf-marks';
import type { GuideChoices } from './getting-started-steps';
import { doneSteps, readChoices, STEP_IDS, writeChoices } from './getting-started-steps';
import './board.css';

/** The map is a second reading of the tree that few open: it loads on demand, outside the initial bundle. */
const AlignmentMap = lazy(() => import('./alignment-map'));
/** Getting started shows on an empty board, mostly once per site: a chunk of its own. */
const GettingStarted = lazy(() => import('./getting-started'));

/** The line above the list: what the board holds, or how much of what is loaded the filters keep. */
const summaryLine = (index: BoardIndex, filtered: FilterResult | undefined): string => {
  const partial = index.order.length < index.objectiveCount;
  if (filtered !== undefined)
    return t(partial ? 'board.summary.matchingLoaded' : 'board.summary.matching', {
      count: filtered.matched.size,
      total: index.order.length,
    });
  const objectives = t('board.summary.objectives', { count: index.objectiveCount });
  return [
    partial ? `${objectives} (${t('board.summary.loaded', { count: index.order.length })})` : objectives,
    t('board.summary.keyResults', { count: index.keyResultCount }),
    t('board.summary.findings', { count: index.findingCount }),
  ].join(' · ');
};

const toggled = (set: ReadonlySet<string>, id: string): ReadonlySet<string> => {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
};

/**
 * The alignment board (Jira global page): a cycle's company -> team -> individual objectives with their
 * KRs, filters, and a side panel to read, create, edit and archive objectives and KRs, check in and
 * link epics. board.get gives the tree; the KR rows come from board.keyResults for the rows on screen.
 */
export function BoardPage({ start }: { start: BoardStart }) {
  markOnce(BOARD_MARKS.page);
  // Answers that arrived before React are shown by the first render (take), without a loading state.
  const me = useAsync(() => start.me.get(), [start], start.me.take);
  const cycles = useAsync(() => start.cycles.get(), [start], start.cycles.take);
  // The board waits for the route, so a link to another cycle never flashes the current one first.
  const arrived = useArrived(start);
  const { route, chooseCycle, selectObjective, updateFilters } = useBoardRoute(start, arrived);
  const { filters } = route;
  const cycleList = cycles.data?.cycles;

  // The scope (team, objective owner) is also the backend's: board.get and board.children keep its
  // objectives with their ancestors and descendants however deep (domain/board-filter.ts, the rule
  // filters.ts applies too), so matches need not be loaded first; status, band, findings and text
  // narrow the objectives loaded.
  const teamId = filters.teamId;
  const ownerId = filters.ownerId;
  const scope = useMemo(() => scopeOf({ ...NO_FILTERS, teamId, ownerId }), [teamId, ownerId]);
  // The cycle the URL names, else the current one, which board.get picks itself (as currentCycle
  // does): the rows need not wait for the cycle list. A named cycle falls back to the current one only
  // once the list is in without it (a list still loading may be older than a cycle just created).
  const named = route.cycleId;
  const unlisted =
    named !== undefined && cycles.status === 'ready' && !cycles.data.cycles.some((c) => c.id === named);
  const asked = unlisted ? undefined : named;
  const board = useAsync(
    () =>
      arrived === undefined
        ? Promise.resolve(undefined)
        : start.board.get(asked, scope).then((answer) => ({ asked, answer })),
    [start, arrived === undefined, asked, scope],
    () => {
      if (arrived === undefined) return undefined;
      const answer = start.board.take(asked, scope);
      return answer === undefined ? undefined : { asked, answer };
    },
  );
  // While another cycle's board loads, the old one is not shown as if it were this cycle's.
  const firstScreen = board.data !== undefined && board.data.asked === asked ? board.data.answer : undefined;
  // The cycle shown: the board's own, else (while it loads) the one chosen from the list.
  const listed =
    cycleList === undefined ? undefined : (cycleList.find((c) => c.id === named) ?? currentCycle(cycleList));
  const cycle: Cycle | undefined =
    firstScreen === undefined
      ? listed
      : (cycleList?.find((c) => c.id === firstScreen.cycle.id) ?? firstScreen.cycle);
  const cycleId = cycle?.id;
  if (cycle !== undefined) markOnce(BOARD_MARKS.cycles);
  // Until the list is in, the picker holds the cycle shown.
  const pickable = useMemo(() => cycleList ?? (cycle === undefined ? [] : [cycle]), [cycleList, cycle]);
  // board.get answers the first screen; the rest comes a page at a time as nodes are opened.
  const pages = useBoardPages(firstScreen, scope);
  const data = pages.board;

  const index = useMemo(() => (data === undefined ? undefined : indexBoard(data)), [data]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [allKeyResultsOpen, setAllKeyResultsOpen] = useState(true);
  const [keyResultsToggled, setKeyResultsToggled] = useState<ReadonlySet<string>>(new Set());
  const { store, states } = useKeyResultRows(cycleId, data);
  // KR titles count in the search: the filter runs again as KR rows arrive, but only while searching.
  const searching = filters.text.trim() !== '';
  const searchStates = searching ? states : undefined;
  const filtered = useMemo(
    () => (index === undefined ? undefined : applyFilters(index, filters, searchStates)),
    [index, filters, searchStates],
  );
  const rows = useMemo(
    () =>
      index === undefined
        ? []
        : buildRows(index, filtered, {
            collapsed,
            allKeyResultsOpen,
            keyResultsToggled,
            keyResults: states,
            pages: pages.states,
          }),
    [index, filtered, collapsed, allKeyResultsOpen, keyResultsToggled, states, pages.states],
  );

  const { loadMore } = pages;
  const indexRef = useRef(index);
  indexRef.current = index;

  const [panel, setPanelState] = useState<PanelState | undefined>(undefined);
  // The objective the panel shows is the URL's `objective` (a link from elsewhere, Back): the URL
  // leads, and opening or closing the panel writes it back.
  const routeObjective = route.objectiveId;
  useEffect(() => {
    setPanelState((p) => {
      if (routeObjective === undefined) return p?.kind === 'objective' ? undefined : p;
      return p?.kind === 'objective' && p.objectiveId === routeObjective
        ? p
        : { kind: 'objective', objectiveId: routeObjective };
    });
  }, [routeObjective]);
  const setPanel = useCallback(
    (next: PanelState | undefined) => {
      setPanelState(next);
      selectObjective(next?.kind === 'objective' ? next.objectiveId : undefined);
    },
    [selectObjective],
  );
  const [view, setView] = useState<'list' | 'map'>('list');
  const cycleStatus = data?.cycle.status;
  const actions = useMemo<BoardActions>(
    () => ({
      signal: cycleStatus === undefined ? 'pace' : signalOf({ status: cycleStatus }),
      cycleId,
      toggleExpanded: (id) => {
        // A node whose children were never loaded opens by loading them (board.children).
        const entry = indexRef.current?.byId.get(id);
        if (entry?.childIds.length === 0 && entry.childCount > 0) {
          setCollapsed((s) => {
            const next = new Set(s);
            next.delete(id);
            return next;
          });
          loadMore(id);
          return;
        }
        setCollapsed((s) => toggled(s, id));
      },
      toggleKeyResults: (id) => {
        setKeyResultsToggled((s) => toggled(s, id));
      },
      openObjective: (objectiveId) => {
        setPanel({ kind: 'objective', objectiveId });
      },
      editObjective: (objectiveId) => {
        setPanel({ kind: 'objective-form', objectiveId });
      },
      addKeyResult: (objectiveId) => {
        setPanel({ kind: 'key-result-form', objectiveId });
      },
      checkIn: (objectiveId, keyResult) => {
        setPanel({ kind: 'check-in', objectiveId, keyResult });
      },
      retryKeyResults: (objectiveId) => {
        store.request([objectiveId], true);
      },
      loadMore,
    }),
    [store, loadMore, cycleStatus, cycleId, setPanel],
  );

  const { reload: reloadBoard } = board;
  const { reload: reloadCycles } = cycles;
  const saved = useCallback(
    (next?: PanelState) => {
      reloadBoard();
      if (next !== undefined) setPanel(next);
    },
    [reloadBoard, setPanel],
  );
  const cycleSaved = useCallback(
    (changed: Cycle) => {
      reloadCycles();
      chooseCycle(changed.id);
      reloadBoard();
    },
    [reloadCycles, reloadBoard, chooseCycle],
  );
  const close = useCallback(() => {
    setPanel(undefined);
  }, [setPanel]);

  // OKR admins (Jira admins and the settings' admin group) manage cycles and teams (contract MeSchema).
  const isAdmin = me.data?.isOkrAdmin === true;

  // Getting started (issue #12): shown on an empty board until hidden; reachable from the board while
  // any step is open. Its steps are done by the data; only skipping and hiding are remembered.
  const accountId = me.data?.accountId;
  const [chosen, setChosen] = useState<GuideChoices | undefined>(undefined);
  const choices = useMemo(() => chosen ?? readChoices(accountId), [chosen, accountId]);
  const [guideOpen, setGuideOpen] = useState(false);
  const choose = useCallback(
    (next: GuideChoices) => {
      setChosen(next);
      writeChoices(accountId, next);
      if (next.dismissed) setGuideOpen(false);
    },
    [accountId],
  );
  const stepsDone = doneSteps({
    cycleCount: cycleList?.length ?? 0,
    teams: data?.teams,
    objectiveCount: data?.objectiveCount,
  }).size;
  const unscoped = teamId === '' && ownerId === '';
  // A site past its first cycle is not getting started: its next empty cycle keeps the plain empty state
  // (with the guide one click away).
  const newSite = cycleList !== undefined && cycleList.length <= 1;
  const showGuide = () => {
    choose({ ...choices, dismissed: false });
    setGuideOpen(true);
  };
  const guide =
    me.data === undefined ? (
      <LoadingState />
    ) : (
      <Suspense fallback={<LoadingState label={t('board.guide.loading')} />}>
        <GettingStarted
          me={me.data}
          cycles={pickable}
          cycle={cycle}
          objectiveCount={data?.objectiveCount}
          choices={choices}
          onChoices={choose}
          onCreateCycle={() => {
            setPanel({ kind: 'cycle-form' });
          }}
          onWriteObjective={() => {
            setPanel({ kind: 'objective-form' });
          }}
          onTeamsChanged={reloadBoard}
        />
      </Suspense>
    );
  const guideLink = (
    <Button
      appearance="link"
      aria-expanded={guideOpen}
      onClick={
        guideOpen
          ? () => {
              setGuideOpen(false);
            }
          : showGuide
      }
    >
      {t('board.guide.link', { done: stepsDone, count: STEP_IDS.length })}
    </Button>
  );
  // A closed cycle is history: the backend refuses new objectives in it, so the button is not offered.
  const canCreate = data !== undefined && data.cycle.status !== 'closed';
  const newObjectiveButton = (
    <WriteButton
      appearance="primary"
      onClick={() => {
        setPanel({ kind: 'objective-form' });
      }}
    >
      {t('board.load.newObjective')}
    </WriteButton>
  );

  const page = (
    <main className="cad-view cad-board">
      <h1 className="cad-heading-large">{t('board.title')}</h1>
      {cycles.status === 'error' ? (
        <ErrorState error={cycles.error} reload={cycles.reload} title={t('board.cycles.loadError')} />
      ) : cycleList === undefined && cycle === undefined ? (
        <LoadingState label={t('board.cycles.loading')} />
      ) : cycleList?.length === 0 ? (
        me.data !== undefined && !choices.dismissed ? (
          guide
        ) : (
          <EmptyState
            title={t('board.cycles.noneTitle')}
            description={isAdmin ? t('board.cycles.noneAdmin') : t('board.cycles.noneOther')}
            action={
              <div className="cad-inline">
                {isAdmin ? (
                  <WriteButton
                    appearance="primary"
                    onClick={() => {
                      setPanel({ kind: 'cycle-form' });
                    }}
                  >
                    {t('board.cycles.create')}
                  </WriteButton>
                ) : null}
                <Button onClick={showGuide}>{t('board.guide.open')}</Button>
              </div>
            }
          />
        )
      ) : (
        <>
          <CycleBar
            cycles={pickable}
            selected={cycle}
            onSelect={(id) => {
              chooseCycle(id);
              // What the panel shows belongs to the cycle left behind.
              setPanel(undefined);
            }}
            isAdmin={isAdmin}
            onCreate={() => {
              setPanel({ kind: 'cycle-form' });
            }}
            onChanged={cycleSaved}
          />
          {board.status === 'error' ? (
            <ErrorState error={board.error} reload={board.reload} title={t('board.load.error')} />
          ) : index === undefined || (index.order.length === 0 && cycleList === undefined) ? (
            // An empty board is told apart (a new site's guide, or the empty state) once the cycles are in.
            <LoadingState label={t('board.load.loading')} />
          ) : index.order.length === 0 && newSite && unscoped && me.data !== undefined && !choices.dismissed ? (
            guide
          ) : index.order.length === 0 ? (
            <EmptyState
              title={t('board.load.emptyTitle')}
              description={t('board.load.emptyDescription')}
              action={
                <div className="cad-inline">
                  {canCreate ? newObjectiveButton : null}
                  {unscoped ? <Button onClick={showGuide}>{t('board.guide.open')}</Button> : null}
                </div>
              }
            />
          ) : (
            <>
              {stepsDone < STEP_IDS.length && me.data !== undefined && cycleList !== undefined ? (
                <div className="cad-guide-link">{guideLink}</div>
              ) : null}
              {guideOpen ? guide : null}
              <FilterBar index={index} filters={filters} onChange={updateFilters} />
              {data !== undefined && signalOf(data.cycle) === 'pace' ? (
                <StatusSummaryBar
                  summary={data.summary}
                  what="objective"
                  selected={filters.track === '' ? undefined : filters.track}
                  onSelect={(track) => {
                    updateFilters((f) => ({ ...f, track: track ?? '' }));
                  }}
                >
                  <ForecastFilterButton
                    count={data.forecastMisses}
                    pressed={filters.forecast}
                    onToggle={() => {
                      updateFilters((f) => ({ ...f, forecast: !f.forecast }));
                    }}
                  />
                </StatusSummaryBar>
              ) : null}
              {cycle === undefined ? null : (
                <LeftOutBoard
                  cycleId={cycle.id}
                  teamId={teamId === '' ? undefined : teamId}
                  teamName={teamId === '' ? undefined : index.teamNames.get(teamId)}
                />
              )}
              <div className="cad-board__toolbar">
                <p className="cad-board__summary" role="status">
                  {summaryLine(index, filtered)}
                </p>
                <div className="cad-board__toolbar-end">
                  {cycle === undefined ? null : (
                    <CoverageFigure cycle={cycle} teamId={teamId} onLinked={reloadBoard} />
                  )}
                  <div className="cad-inline" role="group" aria-label={t('board.toolbar.view')}>
                    {(['list', 'map'] as const).map((v) => (
                      <Button
                        key={v}
                        appearance="subtle"
                        aria-pressed={view === v}
                        onClick={() => {
                          setView(v);
                        }}
                      >
                        {t(v === 'list' ? 'board.toolbar.list' : 'board.toolbar.map')}
                      </Button>
                    ))}
                  </div>
                  {view === 'list' ? (
                    <>
                      <Button
                        appearance="subtle"
                        aria-pressed={allKeyResultsOpen}
                        onClick={() => {
                          setAllKeyResultsOpen((v) => !v);
                          setKeyResultsToggled(new Set());
                        }}
                      >
                        {t('board.toolbar.allKeyResults')}
                      </Button>
                      <Button
                        appearance="subtle"
                        onClick={() => {
                          setCollapsed(new Set());
                        }}
                      >
                        {t('board.toolbar.expandAll')}
                      </Button>
                      <Button
                        appearance="subtle"
                        onClick={() => {
                          setCollapsed(
                            new Set(index.order.filter((id) => (index.byId.get(id)?.childIds.length ?? 0) > 0)),
                          );
                        }}
                      >
                        {t('board.toolbar.collapseAll')}
                      </Button>
                    </>
                  ) : null}
                  {canCreate ? newObjectiveButton : null}
                </div>
              </div>
              {view === 'map' ? (
                <Suspense fallback={<LoadingState label={t('board.toolbar.drawing')} />}>
                  <AlignmentMap
                    index={index}
                    filter={filtered}
                    onOpen={actions.openObjective}
                    signal={actions.signal}
                    onLoadMore={actions.loadMore}
                  />
                </Suspense>
              ) : rows.length === 0 ? (
                <EmptyState title={t('board.noMatch.title')} description={t('board.noMatch.description')} />
              ) : (
                <BoardList
                  rows={rows}
                  index={index}
                  keyResults={states}
                  store={store}
                  actions={actions}
                  label={t('board.list.label', { cycle: data?.cycle.name ?? cycle?.name ?? '' })}
                  scrollReset={filters}
                />
              )}
            </>
          )}
        </>
      )}
      {panel === undefined ? null : (
        <SidePanel
          panel={panel}
          cycle={cycle}
          index={index}
          me={me.data}
          open={setPanel}
          close={close}
          saved={saved}
          cycleSaved={cycleSaved}
        />
      )}
    </main>
  );
  // The read-only banner sits above the page; write controls below read the state from it.
  return <ReadOnlyProvider me={me.data}>{page}</ReadOnlyProvider>;
}
