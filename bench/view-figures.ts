/**
 * Per-view figures for bench/board-scale.ts: what each Custom UI surface other than the board asks the
 * backend for on one load, with the payloads its code in static/src sends (team page: team-page.tsx,
 * team-section.tsx, score-history.tsx; macro: macro-view.tsx, company-scorecard.tsx; gadget: gadget-view.tsx; panel: panel-view.tsx;
 * objective pickers: pickers/objective-picker.tsx;
 * every view also asks me.get for the read-only state, components/read-only.tsx). A view's figures are
 * the sum of its calls; its round trips count calls made one after another by the UI as one each.
 */
import type { ObjectiveAggregate } from '../src/usecases/model';

export interface ViewCall {
  key: string;
  payload: unknown;
  accountId: string;
  extension?: Record<string, unknown>;
}

/** One load of a view: its resolver calls in the order the UI makes them (a group runs in parallel). */
export interface ViewLoad {
  name: string;
  groups: readonly (readonly ViewCall[])[];
}

export const viewLoads = (input: {
  cycleId: string;
  teamId: string;
  viewer: string;
  aggregates: readonly ObjectiveAggregate[];
}): ViewLoad[] => {
  const { cycleId, teamId, viewer, aggregates } = input;
  const call = (key: string, payload: unknown, extension?: Record<string, unknown>): ViewCall => ({
    key,
    payload,
    accountId: viewer,
    ...(extension === undefined ? {} : { extension }),
  });
  const objective = aggregates.find((a) => a.objective.teamId === teamId) ?? aggregates[0];
  const epic = aggregates.flatMap((a) => a.initiatives)[0];
  const me = call('me.get', {});
  return [
    {
      name: 'scorecard.get (team: macro scorecard, check-in panel)',
      groups: [[call('scorecard.get', { cycleId, teamId, includeKeyResults: true, includeInitiatives: false })]],
    },
    {
      name: 'macro, whole company by team: cycles.list, scorecard.get byTeam (then one team scorecard per section opened)',
      groups: [[call('cycles.list', {})], [call('scorecard.get', { cycleId, byTeam: true })]],
    },
    {
      name: 'macro, whole company tree: cycles.list, board.get without filters (then board.children as nodes open)',
      groups: [[call('cycles.list', {})], [call('board.get', { cycleId })]],
    },
    {
      name: 'scorecard.get (one objective: macro objective mode)',
      groups: [
        [
          call('scorecard.get', {
            cycleId,
            objectiveId: objective?.objective.id,
            includeKeyResults: true,
            includeInitiatives: true,
          }),
        ],
      ],
    },
    {
      name: 'gadget (team scorecard): me.get, cycles.list, scorecard.get',
      groups: [
        [me, call('cycles.list', {})],
        [call('scorecard.get', { cycleId, teamId, includeKeyResults: true, includeInitiatives: false })],
      ],
    },
    {
      name: 'team page: me.get, teams.list, cycles.list, scorecard.get, teams.history',
      groups: [
        [me, call('teams.list', {}), call('cycles.list', {})],
        [call('scorecard.get', { cycleId, teamId, includeKeyResults: true, includeInitiatives: true })],
        [call('teams.history', { cycleId, teamId })],
      ],
    },
    {
      name: 'issuePanel.get (an epic linked to a KR) + me.get, cycles.list',
      groups: [
        [
          me,
          call('cycles.list', {}),
          call('issuePanel.get', {}, { type: 'jira:issuePanel', issue: { id: epic?.issueId, key: epic?.issueKey } }),
        ],
      ],
    },
    {
      name: 'gadget (my key results): me.get, keyResults.mine (current cycle)',
      groups: [[me, call('keyResults.mine', {})]],
    },
    {
      name: 'objective picker (panel link, macro config): objectives.search, first 50',
      groups: [[call('objectives.search', { cycleId, limit: 50 })]],
    },
    {
      name: 'objective picker: objectives.search as someone types "customers reg"',
      groups: [[call('objectives.search', { cycleId, query: 'customers reg', limit: 50 })]],
    },
  ];
};
