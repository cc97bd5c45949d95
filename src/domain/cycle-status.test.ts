import type { CycleStatus } from '../contract';
import { CycleStatusSchema } from '../contract';
import { DomainError } from './errors';
import { assertTransition, canTransition, checkInsOpen, nextStatuses } from './cycle-status';

const allowed = new Set(['planning->active', 'active->review', 'review->closed', 'review->active']);
const statuses = CycleStatusSchema.options;
const pairs: [CycleStatus, CycleStatus, boolean][] = statuses.flatMap((from) =>
  statuses.map((to): [CycleStatus, CycleStatus, boolean] => [from, to, allowed.has(`${from}->${to}`)]),
);

/** The error a call throws, so its code and field can be checked (toThrow compares messages only). */
const thrownBy = (fn: () => void): unknown => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('canTransition', () => {
  test('is asked about all 16 pairs, 4 of them allowed', () => {
    expect(pairs).toHaveLength(16);
    expect(pairs.filter(([, , ok]) => ok)).toHaveLength(4);
  });

  test.each(pairs)('%p -> %p: %p', (from, to, ok) => {
    expect(canTransition(from, to)).toBe(ok);
  });
});

describe('assertTransition', () => {
  test.each(pairs.filter(([, , ok]) => ok))('lets %p -> %p through', (from, to) => {
    expect(
      thrownBy(() => {
        assertTransition(from, to);
      }),
    ).toBeUndefined();
  });

  test.each(pairs.filter(([, , ok]) => !ok))('refuses %p -> %p with INVALID_TRANSITION on status', (from, to) => {
    const error = thrownBy(() => {
      assertTransition(from, to);
    });
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
  });

  test('explains a refused move and names what is allowed', () => {
    expect(
      thrownBy(() => {
        assertTransition('planning', 'closed');
      }),
    ).toMatchObject({
      message: 'cannot move a cycle from planning to closed; allowed next: active',
    });
  });

  test('lists both ways out of review', () => {
    expect(() => {
      assertTransition('review', 'planning');
    }).toThrow('cannot move a cycle from review to planning; allowed next: closed, active');
  });

  test('refuses to stay put: active -> active is not a transition', () => {
    expect(() => {
      assertTransition('active', 'active');
    }).toThrow('cannot move a cycle from active to active; allowed next: review');
  });

  test('says nothing follows closed', () => {
    expect(() => {
      assertTransition('closed', 'active');
    }).toThrow('cannot move a cycle from closed to active; allowed next: none');
  });
});

describe('nextStatuses', () => {
  test('offers the next statuses, forward move first', () => {
    expect(nextStatuses('planning')).toEqual(['active']);
    expect(nextStatuses('active')).toEqual(['review']);
    expect(nextStatuses('review')).toEqual(['closed', 'active']);
    expect(nextStatuses('closed')).toEqual([]);
  });
});

describe('checkInsOpen', () => {
  it('is open while a cycle runs and in review only', () => {
    expect(CycleStatusSchema.options.filter(checkInsOpen)).toEqual(['active', 'review']);
  });
});
