import type { ApiKey } from '../contract';
import { API, API_KEYS } from '../contract';
import { runResolver, UNLICENSED_MESSAGE } from './run-resolver';

/**
 * The license gate: with an inactive license every key that writes answers UNLICENSED before its payload
 * is read, and every read goes on. A payload no schema accepts shows which side of the gate a call is on
 * (VALIDATION means it passed) without running a use case.
 */
const notReached = () => {
  throw new Error('the use case should not run');
};
const inactive = { isActive: false, active: false, type: 'commercial' };
const callWith = (key: ApiKey, license: unknown) =>
  runResolver(key, { payload: { notAField: 1 }, context: { accountId: 'acc-1', license } }, notReached);

const WRITES: ApiKey[] = [
  'settings.update',
  'cycles.create',
  'cycles.update',
  'cycles.grade',
  'cycles.carryOver',
  'teams.create',
  'teams.update',
  'objectives.create',
  'objectives.update',
  'objectives.archive',
  'objectives.restore',
  'keyResults.create',
  'keyResults.update',
  'keyResults.archive',
  'initiatives.link',
  'initiatives.unlink',
  'checkIns.create',
  'data.import',
  'data.import.start',
  'data.import.append',
  'data.import.finish',
  'data.repair',
  'leftOut.add',
  'leftOut.remove',
  'kpis.save',
  'kpis.record',
];

describe('runResolver and the installation license', () => {
  it('marks exactly the keys that write as mutating', () => {
    expect(API_KEYS.filter((key) => API[key].mutates).sort()).toEqual([...WRITES].sort());
  });

  it.each(WRITES)('refuses %s with UNLICENSED when the license is not active', async (key) => {
    expect(await callWith(key, inactive)).toEqual({
      ok: false,
      error: { code: 'UNLICENSED', message: UNLICENSED_MESSAGE },
    });
  });

  it.each(API_KEYS.filter((key) => !API[key].mutates))(
    'lets %s through when the license is not active',
    async (key) => {
      expect(await callWith(key, inactive)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    },
  );

  it('reads `active` when `isActive` is missing', async () => {
    expect(await callWith('checkIns.create', { active: false })).toMatchObject({
      ok: false,
      error: { code: 'UNLICENSED' },
    });
  });

  it.each([
    ['no license (development, staging, free apps)', undefined],
    ['a null license', null],
    ['an active license', { isActive: true, active: true }],
    ['a license shape we cannot read', { state: 'weird' }],
    ['an isActive that is not a boolean', { isActive: 'no' }],
  ])('lets writes through with %s', async (_, license) => {
    expect(await callWith('checkIns.create', license)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('says what happened and what to do', () => {
    expect(UNLICENSED_MESSAGE).toMatch(/read-only/);
    expect(UNLICENSED_MESSAGE).toMatch(/license is not active/);
    expect(UNLICENSED_MESSAGE).toMatch(/site admin/);
  });

  it('still asks for a signed-in user first', async () => {
    const result = await runResolver('checkIns.create', { payload: {}, context: { license: inactive } }, notReached);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
