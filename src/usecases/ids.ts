import type { IdGenerator } from './ports';
import { validation } from './errors';

/**
 * Hierarchical ids: a KR, initiative or check-in id starts with the id of the objective (and KR) it
 * belongs to, so any of them leads to its aggregate without a lookup call.
 *   objective   abcdefgh1234                 (12 random base36 characters)
 *   key result  abcdefgh1234-k1a2b3
 *   initiative  abcdefgh1234-i1a2b3
 *   check-in    abcdefgh1234-k1a2b3-c<time36><random4>
 * Cycles and teams use plain 12-character ids.
 */
const OBJECTIVE = /^[a-z0-9]{12}$/;
const KEY_RESULT = /^([a-z0-9]{12})-k[a-z0-9]{6}$/;
const INITIATIVE = /^([a-z0-9]{12})-i[a-z0-9]{6}$/;

/**
 * Ids of records created for a client request: the same id for every repeat of that request by that
 * person, so the repeat finds what the first created (or loses the race to it on a must-not-exist
 * condition) instead of creating it again. Without a request id, a random id.
 */
export const idFor = (ids: IdGenerator, request: { accountId: string; requestId: string | undefined }, kind: string, length: number): string =>
  request.requestId === undefined ? ids.random(length) : ids.derive(`${kind}:${request.accountId}:${request.requestId}`, length);

interface Request {
  accountId: string;
  requestId?: string | undefined;
}
const req = (r: Request | undefined): { accountId: string; requestId: string | undefined } => ({ accountId: r?.accountId ?? '', requestId: r?.requestId });
export const newPlainId = (ids: IdGenerator, request?: Request, kind = 'plain'): string => idFor(ids, req(request), kind, 12);
export const newObjectiveId = (ids: IdGenerator, request?: Request): string => idFor(ids, req(request), 'objective', 12);
/** The copy of `objectiveId` carried into `toCycleId`: the same id however often carry-over runs. */
export const carriedObjectiveId = (ids: IdGenerator, objectiveId: string, toCycleId: string): string =>
  ids.derive(`carry:${objectiveId}:${toCycleId}`, 12);
export const newKeyResultId = (ids: IdGenerator, objectiveId: string, request?: Request): string =>
  `${objectiveId}-k${idFor(ids, req(request), `key-result:${objectiveId}`, 6)}`;
export const newInitiativeId = (ids: IdGenerator, objectiveId: string, request?: Request): string =>
  `${objectiveId}-i${idFor(ids, req(request), `initiative:${objectiveId}`, 6)}`;
export const newCheckInId = (ids: IdGenerator, keyResultId: string, at: Date): string =>
  `${keyResultId}-c${at.getTime().toString(36)}${ids.random(4)}`;

/** A check-in made for a client request: the same id for every repeat of that request by that person. */
export const requestCheckInId = (ids: IdGenerator, keyResultId: string, accountId: string, requestId: string): string =>
  `${keyResultId}-c${idFor(ids, { accountId, requestId }, `check-in:${keyResultId}`, 12)}`;

/**
 * The key a change remembers its client request by (a change names no new record, so it cannot lean on a
 * derived id): per person and kind, so one person's request id never replays another's change.
 */
export const requestKey = (ids: IdGenerator, kind: string, accountId: string, requestId: string | undefined): string | undefined =>
  requestId === undefined ? undefined : ids.derive(`${kind}:${accountId}:${requestId}`, 16);

export type IdKind = 'objective' | 'keyResult' | 'initiative';

const PATTERNS: Record<IdKind, { re: RegExp; what: string }> = {
  objective: { re: OBJECTIVE, what: 'an objective id' },
  keyResult: { re: KEY_RESULT, what: 'a key result id' },
  initiative: { re: INITIATIVE, what: 'an initiative id' },
};

export const isIdOf = (kind: IdKind, id: string): boolean => PATTERNS[kind].re.test(id);

/**
 * The objective id an id belongs to. Malformed ids are rejected with VALIDATION naming `field`, so a
 * typo never turns into a misleading NOT_FOUND.
 */
export const objectiveIdOf = (kind: IdKind, id: string, field: string): string => {
  const { re, what } = PATTERNS[kind];
  const match = re.exec(id);
  if (match === null) throw validation(field, `is not ${what}`);
  return kind === 'objective' ? id : (match[1] ?? id);
};
