import { z } from 'zod';
import { JQL_FUNCTIONS } from '../contract/rhythm';
import { isIdOf, objectiveIdOf } from './ids';
import type { ObjectiveAggregate } from './model';
import type { Deps, JiraGateway, OkrStore, PrecomputationUpdate } from './ports';

/**
 * The jira:jqlFunction modules keyResultWork("<KR id>") and objectiveWork("<objective id>")
 * (docs: developer.atlassian.com/cloud/jira/platform/jql-functions). Jira sends
 * `{precomputationId, clause: {field, type, operator, functionName, arguments}}` and replaces the clause
 * with the JQL fragment returned in `{jql}`, or shows `{error}` to the searcher.
 *
 * The fragment names the linked epics by issue id, not key: a key changes when an epic moves project and
 * an unknown key is an error for the whole search, while an unknown id (a deleted epic) matches nothing.
 * It holds at most 2 x 100 values (an objective links at most 100 epics), far under Jira's 1,000.
 *
 * Jira stores the fragment (a precomputation) and never asks again while it is used, so when links
 * change the app rewrites the affected precomputations (refreshWorkPrecomputations).
 */

const WorkCallSchema = z.object({
  precomputationId: z.string().optional(),
  clause: z.object({
    field: z.string(),
    operator: z.string(),
    functionName: z.string(),
    arguments: z.array(z.string()),
  }),
});
export type WorkClause = z.infer<typeof WorkCallSchema>['clause'];

/** Why a call has no fragment; the trigger words it (locales work.json, `work.jql.*`). */
export type WorkProblem =
  | { problem: 'bad-call' }
  | { problem: 'unknown-key-result'; id: string }
  | { problem: 'unknown-objective'; id: string };

export type WorkAnswer = { jql: string } | WorkProblem;

interface Target {
  kind: 'keyResult' | 'objective';
  id: string;
}

/** A call Jira may send: one of our functions, `in` or `not in`, exactly one argument. */
export const parseWorkCall = (raw: unknown): { clause: WorkClause; target: Target } | undefined => {
  const parsed = WorkCallSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const { clause } = parsed.data;
  const [id] = clause.arguments;
  if (id === undefined || clause.arguments.length !== 1) return undefined;
  if (clause.operator !== 'in' && clause.operator !== 'not in') return undefined;
  const name = clause.functionName.toLowerCase();
  if (name === JQL_FUNCTIONS.keyResult.toLowerCase()) return { clause, target: { kind: 'keyResult', id: id.trim() } };
  if (name === JQL_FUNCTIONS.objective.toLowerCase()) return { clause, target: { kind: 'objective', id: id.trim() } };
  return undefined;
};

/**
 * The work under the epic ids: the epics and their child issues (`parent`), or with `not in` everything
 * else. No epic: a fragment that matches nothing (`issue = 0`: no issue has id 0, and an unknown numeric
 * id matches nothing rather than failing the search), or everything with `not in`.
 */
export const workFragment = (epicIds: readonly string[], operator: 'in' | 'not in'): string => {
  const ids = [...new Set(epicIds)].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  if (ids.length === 0) return operator === 'in' ? 'issue = 0' : 'issue != 0';
  const list = `(${ids.join(', ')})`;
  const work = `issue in ${list} OR parent in ${list}`;
  return operator === 'in' ? work : `NOT (${work})`;
};

const epicIdsOf = (aggregate: ObjectiveAggregate, target: Target): string[] =>
  aggregate.initiatives.filter((i) => target.kind === 'objective' || i.keyResultId === target.id).map((i) => i.issueId);

const unknown = (target: Target): WorkProblem =>
  target.kind === 'keyResult' ? { problem: 'unknown-key-result', id: target.id } : { problem: 'unknown-objective', id: target.id };

/** The objective a target lives in (ids are hierarchical: a KR id starts with its objective's), or undefined. */
const objectiveOf = (target: Target): string | undefined =>
  isIdOf(target.kind, target.id) ? objectiveIdOf(target.kind, target.id, 'id') : undefined;

/** Answers one call from the objective aggregate (one strongly consistent read). */
export const answerWorkCall = async (store: Pick<OkrStore, 'getObjective'>, raw: unknown): Promise<WorkAnswer> => {
  const call = parseWorkCall(raw);
  if (!call) return { problem: 'bad-call' };
  return answerFor(call.clause, call.target, (id) => store.getObjective(id));
};

const answerFor = async (
  clause: WorkClause,
  target: Target,
  read: (objectiveId: string) => Promise<ObjectiveAggregate | undefined>,
): Promise<WorkAnswer> => {
  const objectiveId = objectiveOf(target);
  if (objectiveId === undefined) return unknown(target);
  const aggregate = await read(objectiveId);
  if (aggregate === undefined) return unknown(target);
  if (target.kind === 'keyResult' && !aggregate.keyResults.some((k) => k.id === target.id)) return unknown(target);
  return { jql: workFragment(epicIdsOf(aggregate, target), clause.operator === 'not in' ? 'not in' : 'in') };
};

/**
 * Rewrites the stored precomputations of our functions whose argument is `objectiveIds` or one of their
 * KRs (all of ours when `objectiveIds` is undefined, after an import), so Jira's search follows a link
 * or unlink at once instead of answering the old fragment until unused for 7 days. Only changed ones are
 * written. `formatProblem` words an answer that became an error (the KR is gone).
 */
export const refreshWorkPrecomputations = async (
  deps: { store: Pick<OkrStore, 'getObjectives'>; jira: Pick<JiraGateway, 'listPrecomputations' | 'updatePrecomputations'> },
  objectiveIds: readonly string[] | undefined,
  /** Words an answer that became an error (its KR is gone); without it such precomputations are left as they are. */
  formatProblem?: (problem: WorkProblem) => Promise<string>,
): Promise<number> => {
  const wanted = objectiveIds === undefined ? undefined : new Set(objectiveIds);
  const stored = await deps.jira.listPrecomputations();
  const ours = stored.flatMap((p) => {
    const call = parseWorkCall({ clause: p });
    if (!call) return [];
    const objectiveId = objectiveOf(call.target);
    if (wanted !== undefined && (objectiveId === undefined || !wanted.has(objectiveId))) return [];
    return [{ p, call, objectiveId }];
  });
  if (ours.length === 0) return 0;
  const ids = [...new Set(ours.flatMap((o) => (o.objectiveId === undefined ? [] : [o.objectiveId])))];
  const aggregates = new Map((await deps.store.getObjectives(ids)).map((a) => [a.objective.id, a]));
  const updates: PrecomputationUpdate[] = [];
  for (const { p, call } of ours) {
    const answer = await answerFor(call.clause, call.target, (id) => Promise.resolve(aggregates.get(id)));
    if ('jql' in answer) {
      if (p.value !== answer.jql || p.error !== undefined) updates.push({ id: p.id, value: answer.jql });
    } else if (formatProblem !== undefined) {
      const error = await formatProblem(answer);
      if (p.error !== error) updates.push({ id: p.id, error });
    }
  }
  if (updates.length > 0) await deps.jira.updatePrecomputations(updates);
  return updates.length;
};

/**
 * After a link or unlink was stored: the objective's precomputations follow it. Never fails the change
 * (it is saved); a refresh that failed is caught up by the daily reconcile (triggers/reconcile-initiatives.ts).
 */
export const refreshAfterLinkChange = async (deps: Pick<Deps, 'store' | 'jira'>, objectiveId: string): Promise<void> => {
  try {
    await refreshWorkPrecomputations(deps, [objectiveId]);
  } catch (error) {
    console.warn('JQL function precomputations not refreshed; the daily reconcile will', error);
  }
};
