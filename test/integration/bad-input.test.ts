import { exportDocument } from '../support/export-document';
import { postJson, startTestHost } from '../../local/host/test-support';
import { accountOf, fails, newRuntime, ok, storageState } from '../support/cadence-client';
import { paymentsSetup } from '../support/scenario';
import { fieldWords } from '../../src/contract';

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
    // A full sentence naming the field in words (contract/field-words.ts), not its dotted path.
    if (code === 'VALIDATION') expect(error.message).toMatch(new RegExp(`^The ${fieldWords(field)} .+\\.$`));
    else expect(error.message).toContain(code === 'NOT_FOUND' ? `(the ${fieldWords(field)})` : field);
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
  team?: string;
}

describe('reads with ids of nothing answer NOT_FOUND, naming the field', () => {
  it.each([
    [
      'scorecard of an unknown team',
      'scorecard.get',
      (ids: Ids) => ({ cycleId: ids.cycle, teamId: 'zzzzzzzzzzzz' }),
      'teamId',
    ],
    ['scorecard of an unknown cycle', 'scorecard.get', () => ({ cycleId: 'zzzzzzzzzzzz' }), 'cycleId'],
    [
      'scorecard of an unknown objective',
      'scorecard.get',
      (ids: Ids) => ({ cycleId: ids.cycle, objectiveId: 'zzzzzzzzzzzz' }),
      'objectiveId',
    ],
    ['board of an unknown team', 'board.get', (ids: Ids) => ({ cycleId: ids.cycle, teamId: 'zzzzzzzzzzzz' }), 'teamId'],
    [
      'history of an unknown team',
      'teams.history',
      (ids: Ids) => ({ cycleId: ids.cycle, teamId: 'zzzzzzzzzzzz' }),
      'teamId',
    ],
    [
      'history in an unknown cycle',
      'teams.history',
      (ids: Ids) => ({ cycleId: 'zzzzzzzzzzzz', teamId: ids.team }),
      'cycleId',
    ],
    [
      'check-ins of an unknown key result',
      'checkIns.list',
      (ids: Ids) => ({ keyResultId: `${ids.objective}-kzzzzzz` }),
      'keyResultId',
    ],
    [
      'findings of an unknown team',
      'lint.run',
      (ids: Ids) => ({ cycleId: ids.cycle, teamId: 'zzzzzzzzzzzz' }),
      'teamId',
    ],
    [
      'findings of an unknown objective',
      'lint.run',
      (ids: Ids) => ({ cycleId: ids.cycle, objectiveId: 'zzzzzzzzzzzz' }),
      'objectiveId',
    ],
  ] as const)('%s (%s)', async (_name, key, payload, field) => {
    const runtime = newRuntime();
    const { cycle, objective, kr1, team } = await paymentsSetup(runtime);
    const ids: Ids = {
      cycle: cycle.id,
      objective: objective.id,
      kr: kr1.id,
      binary: '',
      story: '',
      secret: '',
      team: team.id,
    };
    const error = await fails(runtime, key, payload(ids), 'priya');
    expect(error).toMatchObject({ code: 'NOT_FOUND', field });
    expect(error.message).toContain(`(the ${fieldWords(field)})`);
  });
});

describe('an import document with unknown fields is refused, naming them', () => {
  it('lists every unknown field, at any depth, and imports nothing', async () => {
    const runtime = newRuntime();
    await paymentsSetup(runtime);
    const exported = await exportDocument(runtime, 'elena');
    const [firstObjective, ...otherObjectives] = exported.objectives;
    const [firstKr, ...otherKrs] = exported.keyResults;
    if (firstObjective === undefined || firstKr === undefined)
      throw new Error('the scenario has an objective and a KR');
    const tampered = {
      ...exported,
      colour: 'red',
      objectives: [{ ...firstObjective, priority: 1 }, ...otherObjectives],
      keyResults: [{ ...firstKr, metric: { ...firstKr.metric, precision: 2 } }, ...otherKrs],
    };
    const before = storageState(runtime);
    const error = await fails(runtime, 'data.import', { data: tampered }, 'elena');
    expect(error.code).toBe('VALIDATION');
    expect(error.field).toBe('data.colour');
    expect(error.message).toContain('3 unknown field(s): colour, keyResults.0.metric.precision, objectives.0.priority');
    expect(error.issues?.map((i) => i.field)).toEqual([
      'data.colour',
      'data.keyResults.0.metric.precision',
      'data.objectives.0.priority',
    ]);
    expect(storageState(runtime)).toEqual(before);
  });

  it('still takes its own export back', async () => {
    const runtime = newRuntime();
    await paymentsSetup(runtime);
    const exported = await exportDocument(runtime, 'elena');
    await expect(ok(runtime, 'data.import', { data: exported }, 'elena')).resolves.toBeDefined();
  });
});

describe('payloads nested too deep are refused with 400, never a 500', () => {
  const nested = (levels: number): unknown => {
    let value: unknown = 1;
    for (let i = 0; i < levels; i += 1) value = { a: value };
    return value;
  };
  const deepText = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

  it('in the runtime: PAYLOAD_TOO_DEEP before the size check, and the resolver never runs', async () => {
    const runtime = newRuntime();
    const outcome = await runtime.app.invokeResolver({
      moduleKey: 'cadence-board',
      functionKey: 'board.get',
      payload: nested(5_000),
      accountId: accountOf('priya'),
    });
    expect(outcome).toMatchObject({
      ok: false,
      status: 400,
      error: { code: 'PAYLOAD_TOO_DEEP', message: expect.stringContaining('nested deeper than 128 levels') as unknown },
    });
  });

  it('in the runtime: a payload within the limit reaches the resolver (which names what it does not know)', async () => {
    const runtime = newRuntime();
    const error = await fails(runtime, 'board.get', { deep: nested(100) }, 'priya');
    expect(error).toMatchObject({ code: 'VALIDATION', field: '(payload)' });
  });

  it.each([
    [
      '/forge/invoke',
      (levels: number) =>
        `{"moduleKey":"cadence-board","functionKey":"board.get","accountId":"${accountOf('priya')}","payload":${deepText(levels)}}`,
    ],
    ['/forge/storage/kvs/v1/set', (levels: number) => `{"key":"deep","value":${deepText(levels)}}`],
    ['/__local/bridge/invoke', (levels: number) => `{"frameId":"f","name":"invoke","payload":${deepText(levels)}}`],
    ['/admin/api/issues', (levels: number) => deepText(levels)],
  ])('over HTTP at %s', async (route, body) => {
    const host = await startTestHost();
    try {
      const answer = await postJson(`${host.url}${route}`, body(5_000));
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        error: { code: 'PAYLOAD_TOO_DEEP', message: 'request body is nested deeper than 130 levels' },
      });
    } finally {
      await host.close();
    }
  });
});
