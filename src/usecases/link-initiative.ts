import type { ApiOutput, ApiParsedInput } from '../contract';
import { AppError, invalidState, notFound } from './errors';
import { newInitiativeId, objectiveIdOf } from './ids';
import type { StoredInitiative } from './model';
import type { Ctx } from './shared/context';
import { editableKeyResult } from './shared/key-result-edit';
import { requireCycle } from './shared/lookups';
import { mutateObjective } from './shared/mutate-objective';
import { snapshotFrom, withDerivedCurrents } from './shared/refresh-initiatives';
import { initiativeView } from './shared/views';
import { refreshAfterLinkChange } from './resolve-work-jql';

/** Keeps one aggregate small (well under the 240 KiB value limit). */
export const MAX_INITIATIVES_PER_OBJECTIVE = 100;

/**
 * initiatives.link: links a Jira epic under a KR. The epic must exist, be visible to the acting user
 * (GET /rest/api/3/issue/{key} as the user) and be an epic (hierarchy level 1); its progress is read
 * once as the app (POST /rest/api/3/search/jql) and cached.
 * @throws AppError VALIDATION keyResultId / issueKey (already linked), NOT_FOUND keyResultId,
 *   ISSUE_NOT_LINKABLE issueKey, INVALID_STATE (archived, too many), FORBIDDEN, CONFLICT, UNAVAILABLE.
 */
export const linkInitiative = async (ctx: Ctx, input: ApiParsedInput<'initiatives.link'>): Promise<ApiOutput<'initiatives.link'>> => {
  const objectiveId = objectiveIdOf('keyResult', input.keyResultId, 'keyResultId');
  // Existence and permission first, so a stranger learns nothing about the issue.
  const before = await ctx.store.getObjective(objectiveId);
  if (before === undefined) throw notFound('Key result', input.keyResultId, 'keyResultId');
  await editableKeyResult(ctx, before, input.keyResultId, 'keyResultId');
  const [epic, cycle] = await Promise.all([ctx.jira.findEpicForUser(input.issueKey), requireCycle(ctx.store, before.objective.cycleId, 'keyResultId')]);
  const state = (await ctx.jira.readEpics([epic.id])).get(epic.id) ?? { epic, children: [] };

  const initiativeId = newInitiativeId(ctx.ids, objectiveId, { accountId: ctx.actor.accountId, requestId: input.requestId });
  const { result } = await mutateObjective(ctx, objectiveId, 'keyResultId', async (current, now) => {
    // A repeat of a request that already linked the epic answers that link.
    const earlier = current.initiatives.find((i) => i.id === initiativeId);
    if (earlier !== undefined) return { aggregate: current, result: earlier, write: false };
    const kr = await editableKeyResult(ctx, current, input.keyResultId, 'keyResultId');
    if (kr.status === 'archived') throw invalidState('This key result is archived.', 'keyResultId');
    if (current.initiatives.some((i) => i.keyResultId === kr.id && i.issueId === epic.id)) {
      throw new AppError('VALIDATION', `issueKey ${epic.key} is already linked to this key result`, 'issueKey', [
        { field: 'issueKey', message: 'is already linked to this key result' },
      ]);
    }
    if (current.initiatives.length >= MAX_INITIATIVES_PER_OBJECTIVE) {
      throw invalidState(`An objective holds at most ${String(MAX_INITIATIVES_PER_OBJECTIVE)} linked epics.`, 'keyResultId');
    }
    const blank = { summary: '', statusName: '', statusCategory: 'new' as const, projectId: '', projectKey: '', progress: { done: 0, total: 0, excluded: 0, ratio: null, addedAfterStart: 0 }, missing: false, refreshedAt: '' };
    const initiative: StoredInitiative = {
      id: initiativeId,
      keyResultId: kr.id,
      issueKey: epic.key,
      issueId: epic.id,
      linkedAt: now.toISOString(),
      linkedByAccountId: ctx.actor.accountId,
      epic: snapshotFrom(blank, { epic, children: state.children }, cycle, now),
    };
    return {
      aggregate: withDerivedCurrents({ ...current, initiatives: [...current.initiatives, initiative] }, { cycle, now }),
      result: initiative,
      linkedIssueIds: [epic.id],
    };
  });
  // Jira's search keeps the old fragment of keyResultWork/objectiveWork until the app rewrites it.
  await refreshAfterLinkChange(ctx, objectiveId);
  // The user just read the epic, so they may browse its project.
  return initiativeView(result, { browsableProjectIds: new Set([epic.projectId]), isSiteAdmin: false });
};
