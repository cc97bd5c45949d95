import { DEFAULT_CONFIG, effectiveScope, missingOf, parseMacroConfig } from '../../static/src/views/macro/config';

/** The macro's saved config: what it shows, and what a config still lacks before it shows anything. */
describe('macro config', () => {
  it('reads the whole company scope, which needs neither a team nor an objective', () => {
    const saved = { ...DEFAULT_CONFIG, scope: 'company' };
    expect(parseMacroConfig(saved)).toMatchObject({ kind: 'scorecard', scope: 'company' });
    expect(missingOf({ ...DEFAULT_CONFIG, scope: 'company' })).toBeUndefined();
  });

  it('says which choice is missing for a team or an objective', () => {
    expect(missingOf({ ...DEFAULT_CONFIG, scope: 'team' })).toBe('team');
    expect(missingOf({ ...DEFAULT_CONFIG, scope: 'objective' })).toBe('objective');
    expect(missingOf({ ...DEFAULT_CONFIG, scope: 'objective', objectiveId: 'o1' })).toBeUndefined();
    // Not configured yet (nothing to show), or saved by something else: a prompt, not an error.
    expect(parseMacroConfig({ ...DEFAULT_CONFIG, scope: 'team' })).toBeUndefined();
    expect(parseMacroConfig({ kind: 'chart' })).toBeUndefined();
    expect(parseMacroConfig('scorecard')).toBeUndefined();
  });

  it('keeps the check-in panel a team’s whatever scope was chosen before switching to it', () => {
    const config = { ...DEFAULT_CONFIG, kind: 'check-in' as const, scope: 'company' as const };
    expect(effectiveScope(config)).toBe('team');
    expect(missingOf(config)).toBe('team');
    expect(parseMacroConfig({ ...config, teamId: 't1' })).toMatchObject({ scope: 'team', teamId: 't1' });
  });

  it('reads an unknown scope as a team', () => {
    expect(parseMacroConfig({ ...DEFAULT_CONFIG, scope: 'galaxy', teamId: 't1' })).toMatchObject({ scope: 'team' });
  });
});
