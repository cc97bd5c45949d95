import { fails, newRuntime, storageState } from '../support/cadence-client';
import { paymentsSetup } from '../support/scenario';

describe('bad input gets a clear error naming the field, and stores nothing', () => {
  it.each([
    ['wrong type', 'checkIns.create', (ids: Ids) => ({ keyResultId: ids.kr, value: 'ten', confidence: 'on_track' }), 'VALIDATION', 'value'],
    ['missing field', 'checkIns.create', (ids: Ids) => ({ keyResultId: ids.kr, value: 3 }), 'VALIDATION', 'confidence'],
    ['unknown enum value', 'checkIns.create', (ids: Ids) => ({ keyResultId: ids.kr, value: 3, confidence: 'great' }), 'VALIDATION', 'confidence'],
    ['string over its limit', 'checkIns.create', (ids: Ids) => ({ keyResultId: ids.kr, value: 3, confidence: 'on_track', note: 'x'.repeat(2001) }), 'VALIDATION', 'note'],
    ['binary value', 'checkIns.create', (ids: Ids) => ({ keyResultId: ids.binary, value: 0.5, confidence: 'on_track' }), 'VALIDATION', 'value'],
    ['malformed id', 'checkIns.create', () => ({ keyResultId: 'not-a-kr', value: 3, confidence: 'on_track' }), 'VALIDATION', 'keyResultId'],
    ['unknown id', 'checkIns.create', (ids: Ids) => ({ keyResultId: `${ids.objective}-kzzzzzz`, value: 3, confidence: 'on_track' }), 'NOT_FOUND', 'keyResultId'],
    ['unknown objective', 'objectives.get', () => ({ id: 'zzzzzzzzzzzz' }), 'NOT_FOUND', 'id'],
    ['unknown cycle', 'objectives.create', () => ({ cycleId: 'nope', title: 'A fine objective', level: 'individual' }), 'NOT_FOUND', 'cycleId'],
    ['title over 200', 'objectives.create', (ids: Ids) => ({ cycleId: ids.cycle, title: 'x'.repeat(201), level: 'individual' }), 'VALIDATION', 'title'],
    ['empty title', 'objectives.create', (ids: Ids) => ({ cycleId: ids.cycle, title: '   ', level: 'individual' }), 'VALIDATION', 'title'],
    ['team objective without team', 'objectives.create', (ids: Ids) => ({ cycleId: ids.cycle, title: 'Our team goal', level: 'team' }), 'VALIDATION', 'teamId'],
    ['unknown team', 'objectives.create', (ids: Ids) => ({ cycleId: ids.cycle, title: 'Our team goal', level: 'team', teamId: 'nope' }), 'NOT_FOUND', 'teamId'],
    ['nested metric rule', 'keyResults.create', (ids: Ids) => ({ objectiveId: ids.objective, title: 'Ship it', metric: { kind: 'binary', start: 0, target: 5 } }), 'VALIDATION', 'metric.target'],
    ['unknown field', 'keyResults.update', (ids: Ids) => ({ id: ids.kr, colour: 'red' }), 'VALIDATION', '(payload)'],
    ['bad issue key', 'initiatives.link', (ids: Ids) => ({ keyResultId: ids.kr, issueKey: 'pay 12' }), 'VALIDATION', 'issueKey'],
    ['non-epic issue', 'initiatives.link', (ids: Ids) => ({ keyResultId: ids.kr, issueKey: ids.story }), 'ISSUE_NOT_LINKABLE', 'issueKey'],
    ['invisible epic', 'initiatives.link', (ids: Ids) => ({ keyResultId: ids.kr, issueKey: ids.secret }), 'ISSUE_NOT_LINKABLE', 'issueKey'],
    ['unknown initiative', 'initiatives.unlink', (ids: Ids) => ({ initiativeId: `${ids.objective}-izzzzzz` }), 'NOT_FOUND', 'initiativeId'],
    ['bad dates', 'cycles.create', () => ({ startDate: '2027-02-30', endDate: '2027-03-31' }), 'VALIDATION', 'startDate'],
    ['bands out of order', 'settings.update', () => ({ bands: { yellowFrom: 0.8, greenFrom: 0.7 } }), 'VALIDATION', 'bands.greenFrom'],
    ['board of unknown cycle', 'board.get', () => ({ cycleId: 'nope' }), 'NOT_FOUND', 'cycleId'],
    ['not an object', 'board.get', () => 'board please', 'VALIDATION', '(payload)'],
    ['no objectives', 'board.keyResults', (ids: Ids) => ({ cycleId: ids.cycle, objectiveIds: [] }), 'VALIDATION', 'objectiveIds'],
    ['over 100 objectives', 'board.keyResults', (ids: Ids) => ({ cycleId: ids.cycle, objectiveIds: Array.from({ length: 101 }, (_, i) => `obj${String(i).padStart(9, '0')}`) }), 'VALIDATION', 'objectiveIds'],
    ['repeated objective', 'board.keyResults', (ids: Ids) => ({ cycleId: ids.cycle, objectiveIds: [ids.objective, ids.objective] }), 'VALIDATION', 'objectiveIds.1'],
    ['malformed objective id', 'board.keyResults', (ids: Ids) => ({ cycleId: ids.cycle, objectiveIds: [ids.kr] }), 'VALIDATION', 'objectiveIds.0'],
    ['unknown objective on the board', 'board.keyResults', (ids: Ids) => ({ cycleId: ids.cycle, objectiveIds: [ids.objective, 'zzzzzzzzzzzz'] }), 'NOT_FOUND', 'objectiveIds.1'],
    ['board rows of unknown cycle', 'board.keyResults', (ids: Ids) => ({ cycleId: 'nope', objectiveIds: [ids.objective] }), 'NOT_FOUND', 'cycleId'],
  ] as const)('%s (%s)', async (_name, key, payload, code, field) => {
    const runtime = newRuntime();
    const { cycle, objective, kr1 } = await paymentsSetup(runtime);
    const binary = (
      await runtime.app.invokeResolver({
        moduleKey: 'cadence-board',
        functionKey: 'keyResults.create',
        payload: { objectiveId: objective.id, title: 'Secure SOC 2 Type II', metric: { kind: 'binary', start: 0, target: 1 } },
        accountId: '5f0c1a2b3c4d5e6f7a8b9c02',
      })
    );
    const binaryId = binary.ok ? ((binary.result as { data: { id: string } }).data.id) : '';
    const story = runtime.site.listIssues().find((i) => i.issueType === 'Story')?.key ?? '';
    const secret = runtime.site.listIssues().find((i) => i.projectKey === 'SEC' && i.issueType === 'Epic')?.key ?? '';
    const ids: Ids = { cycle: cycle.id, objective: objective.id, kr: kr1.id, binary: binaryId, story, secret };
    const before = storageState(runtime);
    const error = await fails(runtime, key, payload(ids), key === 'cycles.create' || key === 'settings.update' ? 'elena' : 'priya');
    expect(error).toMatchObject({ code, field });
    expect(error.message).toContain(field === '(payload)' ? '' : field.split('.').at(-1) ?? '');
    expect(storageState(runtime)).toEqual(before);
  });
});

interface Ids {
  cycle: string;
  objective: string;
  kr: string;
  binary: string;
  story: string;
  secret: string;
}
