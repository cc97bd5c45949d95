import { seedDemoSite } from '../../local/demo';
import type { LicenseState } from '../../local/platform/runtime-globals';
import { createLocalRuntime } from '../../local/platform/local-runtime';
import { fails, ok } from '../support/cadence-client';

/** me.get tells every view up front what the license gate will answer to a write (README "Licensing"). */
const runtimeWith = (license: LicenseState) => {
  const runtime = createLocalRuntime({ license });
  seedDemoSite(runtime.site);
  return runtime;
};

describe('me.get and the installation license', () => {
  it('says read-only, and why, when the license is not active; a write then answers UNLICENSED', async () => {
    const runtime = runtimeWith('inactive');
    expect(await ok(runtime, 'me.get', {}, 'elena')).toMatchObject({ readOnly: true, readOnlyReason: 'license-inactive' });
    expect(await fails(runtime, 'cycles.create', { kind: 'quarterly' }, 'elena')).toMatchObject({ code: 'UNLICENSED' });
  });

  it.each<LicenseState>(['active', 'none'])('is not read-only with license %s', async (license) => {
    const me = await ok(runtimeWith(license), 'me.get', {}, 'priya');
    expect(me.readOnly).toBe(false);
    expect(me).not.toHaveProperty('readOnlyReason');
  });
});
