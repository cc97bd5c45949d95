import { doneSteps, readChoices, writeChoices } from '../../static/src/views/board/getting-started-steps';

describe('getting started: steps done by the data', () => {
  test('an empty site has nothing done; nothing known is nothing done', () => {
    expect([...doneSteps({ cycleCount: 0, teams: undefined, objectiveCount: undefined })]).toEqual([]);
    expect([...doneSteps({ cycleCount: 0, teams: [], objectiveCount: 0 })]).toEqual([]);
  });

  test('a cycle, a team without members, an objective', () => {
    expect([...doneSteps({ cycleCount: 1, teams: [{ memberAccountIds: [] }], objectiveCount: 2 })].sort()).toEqual([
      'cycle',
      'objective',
      'teams',
    ]);
  });

  test('owners: done once a team has a member', () => {
    const done = doneSteps({
      cycleCount: 1,
      teams: [{ memberAccountIds: [] }, { memberAccountIds: ['a'] }],
      objectiveCount: 0,
    });
    expect(done.has('owners')).toBe(true);
    expect(done.has('objective')).toBe(false);
  });
});

describe('getting started: what a person chose, per person', () => {
  const store = new Map<string, string>();
  const localStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => {
      store.set(k, v);
    },
  };
  beforeAll(() => {
    Object.assign(globalThis, { localStorage });
  });
  afterAll(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  test('skips and hiding are remembered for that account only', () => {
    writeChoices('alex', { dismissed: true, skipped: new Set(['teams']) });
    expect(readChoices('alex')).toEqual({ dismissed: true, skipped: new Set(['teams']) });
    expect(readChoices('sam')).toEqual({ dismissed: false, skipped: new Set() });
    expect(readChoices(undefined)).toEqual({ dismissed: false, skipped: new Set() });
  });

  test('something else stored there reads as no choice; unknown steps are dropped', () => {
    store.set('cadence.gettingStarted.kim', 'not json');
    expect(readChoices('kim').dismissed).toBe(false);
    store.set('cadence.gettingStarted.kim', JSON.stringify({ dismissed: 'yes', skipped: ['cycle', 'launch'] }));
    expect(readChoices('kim')).toEqual({ dismissed: false, skipped: new Set(['cycle']) });
  });

  test('a storage that throws is no choice, and writing to it does not throw', () => {
    Object.assign(globalThis, {
      localStorage: {
        getItem: () => {
          throw new Error('denied');
        },
        setItem: () => {
          throw new Error('denied');
        },
      },
    });
    expect(readChoices('alex').dismissed).toBe(false);
    expect(() => {
      writeChoices('alex', { dismissed: true, skipped: new Set() });
    }).not.toThrow();
  });
});
