import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Cycle } from '../../../../src/contract';
import { useAsync } from '../../api/use-api';
import { Button } from '../../components/button';
import { ReadOnlyProvider, WriteButton } from '../../components/read-only';
import { currentCycle } from '../../components/cycles';
import { plural } from '../../components/format';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import type { BoardActions } from './board-actions';
import { indexBoard } from './board-index';
import { BoardList } from './board-list';
import type { BoardStart } from './board-start';
import { CycleBar } from './cycle-bar';
import { FilterBar } from './filter-bar';
import { applyFilters } from './filters';
import type { PanelState } from './panel-state';
import { buildRows } from './rows';
import { SidePanel } from './side-panel';
import { signalOf, StatusSummaryBar } from '../../components/status';
import { useBoardPages } from './use-board-pages';
import { useBoardRoute } from './use-board-route';
import { useKeyResultRows } from './use-key-result-rows';
import './board.css';

/** The map is a second reading of the tree that few open: it loads on demand, outside the initial bundle. */
const AlignmentMap = lazy(() => import('./alignment-map'));

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
  const me = useAsync(() => start.me(), [start]);
  // The cycle list waits for the route, so a link to another cycle never flashes the current one first.
  const cycles = useAsync(
    () => Promise.all([start.cycles(), start.route]).then(([list, { route }]) => ({ ...list, arrived: route })),
    [start],
  );
  const { route, chooseCycle, selectObjective, updateFilters } = useBoardRoute(start, cycles.data?.arrived);
  const { filters } = route;
  const cycleList = useMemo(() => cycles.data?.cycles ?? [], [cycles.data]);
  const cycle = cycleList.find((c) => c.id === route.cycleId) ?? currentCycle(cycleList);
  const cycleId = cycle?.id;

  // A team filter is also the backend's (board.get and board.children keep the team's objectives with
  // their ancestors, however deep, so matches need not be loaded first); the other filters (owner,
  // band, findings, text) apply to the objectives loaded (filters.ts).
  const teamId = filters.teamId === '' ? undefined : filters.teamId;
  const teamFilter = useMemo(() => (teamId === undefined ? {} : { teamId }), [teamId]);
  const board = useAsync(
    () => (cycleId === undefined ? Promise.resolve(undefined) : start.board(cycleId, teamId)),
    [start, cycleId, teamId],
  );
  // While another cycle's board loads, the old one is not shown as if it were this cycle's.
  const firstScreen = board.data?.cycle.id === cycleId ? board.data : undefined;
  // board.get answers the first screen; the rest comes a page at a time as nodes are opened.
  const pages = useBoardPages(firstScreen, teamFilter);
  const data = pages.board;

  const index = useMemo(() => (data === undefined ? undefined : indexBoard(data)), [data]);
  const filtered = useMemo(() => (index === undefined ? undefined : applyFilters(index, filters)), [index, filters]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [allKeyResultsOpen, setAllKeyResultsOpen] = useState(true);
  const [keyResultsToggled, setKeyResultsToggled] = useState<ReadonlySet<string>>(new Set());
  const { store, states } = useKeyResultRows(cycleId, data);
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
    [store, loadMore, cycleStatus, setPanel],
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

  const isAdmin = me.data?.isSiteAdmin === true;
  // A closed cycle is history: the backend refuses new objectives in it, so the button is not offered.
  const canCreate = data !== undefined && data.cycle.status !== 'closed';
  const newObjectiveButton = (
    <WriteButton
      appearance="primary"
      onClick={() => {
        setPanel({ kind: 'objective-form' });
      }}
    >
      New objective
    </WriteButton>
  );

  const page = (
    <main className="cad-view cad-board">
      <h1 className="cad-heading-large">OKR alignment board</h1>
      {cycles.status === 'error' ? (
        <ErrorState error={cycles.error} reload={cycles.reload} title="Cadence could not load the cycles" />
      ) : cycles.data === undefined ? (
        <LoadingState label="Loading cycles…" />
      ) : cycleList.length === 0 ? (
        <EmptyState
          title="No OKR cycle yet"
          description={
            isAdmin
              ? 'Create the first cycle (usually a quarter), then add objectives to it.'
              : 'A Jira admin creates cycles; ask yours to start one.'
          }
          action={
            isAdmin ? (
              <WriteButton
                appearance="primary"
                onClick={() => {
                  setPanel({ kind: 'cycle-form' });
                }}
              >
                Create a cycle
              </WriteButton>
            ) : undefined
          }
        />
      ) : (
        <>
          <CycleBar
            cycles={cycleList}
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
            <ErrorState error={board.error} reload={board.reload} title="Cadence could not load the board" />
          ) : index === undefined ? (
            <LoadingState label="Loading the board…" />
          ) : index.order.length === 0 ? (
            <EmptyState
              title="No objectives in this cycle yet"
              description="Start with 1 to 3 objectives per team: where you want to go, in words, with 2 to 5 measurable key results each."
              action={canCreate ? newObjectiveButton : undefined}
            />
          ) : (
            <>
              <FilterBar index={index} filters={filters} onChange={updateFilters} />
              {data !== undefined && signalOf(data.cycle) === 'pace' ? (
                <StatusSummaryBar
                  summary={data.summary}
                  what="objective"
                  selected={filters.track === '' ? undefined : filters.track}
                  onSelect={(track) => {
                    updateFilters((f) => ({ ...f, track: track ?? '' }));
                  }}
                />
              ) : null}
              <div className="cad-board__toolbar">
                <p className="cad-board__summary" role="status">
                  {filtered === undefined
                    ? `${plural(index.objectiveCount, 'objective')}${index.order.length < index.objectiveCount ? ` (${String(index.order.length)} loaded)` : ''} · ${plural(index.keyResultCount, 'key result')} · ${plural(index.findingCount, 'quality finding')}`
                    : `${plural(filtered.matched.size, 'objective')} of ${String(index.order.length)}${index.order.length < index.objectiveCount ? ' loaded' : ''} match the filters`}
                </p>
                <div className="cad-board__toolbar-end">
                  <div className="cad-inline" role="group" aria-label="View">
                    {(['list', 'map'] as const).map((v) => (
                      <Button
                        key={v}
                        appearance="subtle"
                        aria-pressed={view === v}
                        onClick={() => {
                          setView(v);
                        }}
                      >
                        {v === 'list' ? 'List' : 'Map'}
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
                        Show all key results
                      </Button>
                      <Button
                        appearance="subtle"
                        onClick={() => {
                          setCollapsed(new Set());
                        }}
                      >
                        Expand all
                      </Button>
                      <Button
                        appearance="subtle"
                        onClick={() => {
                          setCollapsed(
                            new Set(index.order.filter((id) => (index.byId.get(id)?.childIds.length ?? 0) > 0)),
                          );
                        }}
                      >
                        Collapse all
                      </Button>
                    </>
                  ) : null}
                  {canCreate ? newObjectiveButton : null}
                </div>
              </div>
              {view === 'map' ? (
                <Suspense fallback={<LoadingState label="Drawing the map…" />}>
                  <AlignmentMap index={index} filter={filtered} onOpen={actions.openObjective} />
                </Suspense>
              ) : rows.length === 0 ? (
                <EmptyState
                  title="Nothing matches the filters"
                  description="Change or clear the filters to see more of the board."
                />
              ) : (
                <BoardList
                  rows={rows}
                  index={index}
                  keyResults={states}
                  store={store}
                  actions={actions}
                  label={`Objectives of ${data?.cycle.name ?? 'the cycle'}`}
                  scrollReset={filtered}
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
