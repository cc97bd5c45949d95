import type { LocalRuntime } from '../../local/platform/local-runtime';
import { accountOf, newRuntime } from '../support/cadence-client';
import { paymentsSetup } from '../support/scenario';

/**
 * The errors resolvers answer speak the invocation's language (Forge puts the user's locale into the
 * context; the resolver reads it there and its catalog through @forge/api's i18n from __LOCALES__), and
 * English stays what it was.
 */
let runtime: LocalRuntime;
let ids: Awaited<ReturnType<typeof paymentsSetup>>;

beforeAll(async () => {
  runtime = newRuntime();
  ids = await paymentsSetup(runtime);
});

afterAll(() => {
  runtime.close();
});

const errorOf = async (
  functionKey: string,
  payload: unknown,
  locale?: string,
): Promise<{ code: string; message: string; field?: string; issues?: { field: string; message: string }[] }> => {
  const outcome = await runtime.app.invokeResolver({
    moduleKey: 'cadence-board',
    functionKey,
    payload,
    accountId: accountOf('priya'),
    ...(locale === undefined ? {} : { locale }),
  });
  if (!outcome.ok) throw new Error(`${functionKey} failed: ${outcome.error.message}`);
  const result = outcome.result as { ok: boolean; error?: { code: string; message: string } };
  if (result.ok || result.error === undefined) throw new Error(`${functionKey} unexpectedly succeeded`);
  return result.error;
};

describe('resolver errors in the invocation language', () => {
  it('words a validation error in Dutch, naming the field in Dutch', async () => {
    const payload = { cycleId: ids.cycle.id, title: 'x'.repeat(201), level: 'individual' };
    expect(await errorOf('objectives.create', payload, 'nl-NL')).toMatchObject({
      code: 'VALIDATION',
      field: 'title',
      message: 'De titel mag hoogstens 200 tekens lang zijn.',
    });
    expect(await errorOf('objectives.create', payload, 'en-US')).toMatchObject({
      message: 'The title must be at most 200 characters.',
    });
  });

  it('says nested fields, other fields inside the rule and use-case rules in Dutch', async () => {
    expect(await errorOf('settings.update', { bands: { yellowFrom: 0.8, greenFrom: 0.7 } }, 'nl_NL')).toMatchObject({
      message: 'Het begin van de groene band moet groter zijn dan het begin van de gele band.',
    });
    expect(
      await errorOf('objectives.create', { cycleId: ids.cycle.id, title: 'Our team goal', level: 'team' }, 'nl-NL'),
    ).toMatchObject({ field: 'teamId', message: 'Het team is verplicht bij een teamobjective.' });
    expect(
      await errorOf(
        'keyResults.create',
        { objectiveId: ids.objective.id, title: 'Ship it', metric: { kind: 'binary', start: 0, target: 5 } },
        'nl-NL',
      ),
    ).toMatchObject({
      field: 'metric.target',
      message: 'De doelwaarde van de maatstaf moet 1 zijn bij een ja/nee-key result.',
    });
  });

  it('words not found and forbidden in Dutch, and leaves English as it was', async () => {
    const unknownCycle = { cycleId: 'nope', title: 'A fine objective', level: 'individual' };
    expect(await errorOf('objectives.create', unknownCycle, 'nl-NL')).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Er is geen cyclus met de id "nope" (de cyclus).',
    });
    expect(await errorOf('objectives.create', unknownCycle)).toMatchObject({
      message: 'There is no cycle with the id "nope" (the cycle).',
    });
    expect(await errorOf('cycles.create', { startDate: '2027-01-01', endDate: '2027-03-31' }, 'nl-NL')).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Alleen OKR-beheerders kunnen cycli aanmaken.',
    });
  });

  it('answers English for a language Cadence does not ship (the manifest fallback)', async () => {
    const unknownCycle = { cycleId: 'nope', title: 'A fine objective', level: 'individual' };
    expect(await errorOf('objectives.create', unknownCycle, 'fr-FR')).toMatchObject({
      message: 'There is no cycle with the id "nope" (the cycle).',
    });
  });
});
