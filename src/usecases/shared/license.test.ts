import { readOnlyReason } from './license';

describe('readOnlyReason', () => {
  it('names the inactive license from isActive, or from active when isActive is missing', () => {
    expect(readOnlyReason({ license: { isActive: false, active: false } })).toBe('license-inactive');
    expect(readOnlyReason({ license: { active: false } })).toBe('license-inactive');
  });

  it.each([
    ['no license (development, staging, free apps)', {}],
    ['a null license', { license: null }],
    ['an active license', { license: { isActive: true } }],
    ['isActive winning over active', { license: { isActive: true, active: false } }],
    ['a shape we cannot read', { license: 'weird' }],
    ['no context at all', undefined],
  ])('fails open with %s', (_, context) => {
    expect(readOnlyReason(context)).toBeUndefined();
  });
});
