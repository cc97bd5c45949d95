import type { CycleStatus } from '../contract';
import { DomainError } from './errors';

/**
 * The cycle follows the method's Set -> Execute -> Review steps: planning -> active -> review -> closed.
 * review -> active is the one way back, to reopen a review started by mistake; closed is final, because
 * grades and retrospectives of a closed cycle feed the next one and must not move under it.
 */
const NEXT: Readonly<Record<CycleStatus, readonly CycleStatus[]>> = {
  planning: ['active'],
  active: ['review'],
  review: ['closed', 'active'],
  closed: [],
};

/** The statuses a cycle in `from` may move to, for the UI to offer and for error messages. */
export const nextStatuses = (from: CycleStatus): readonly CycleStatus[] => NEXT[from];

export const canTransition = (from: CycleStatus, to: CycleStatus): boolean => NEXT[from].includes(to);

/** @throws DomainError INVALID_TRANSITION (field "status") when the move is not allowed. */
export const assertTransition = (from: CycleStatus, to: CycleStatus): void => {
  if (canTransition(from, to)) return;
  const allowed = NEXT[from];
  throw new DomainError(
    'INVALID_TRANSITION',
    `cannot move a cycle from ${from} to ${to}; allowed next: ${allowed.length > 0 ? allowed.join(', ') : 'none'}`,
    'status',
  );
};

/** Check-ins are taken while the cycle runs and during its review, never in planning or once closed. */
export const checkInsOpen = (status: CycleStatus): boolean => status === 'active' || status === 'review';
