import type { ApiOutput } from '../contract';
import { AppError } from './errors';
import { epicProgress } from './epic-progress';
import { withLatestCheckIn } from './shared/check-in-history';
import type { Ctx } from './shared/context';
import { isOkrAdminGiven } from './shared/permissions';
import { makeViewContext } from './shared/view-context';
import { epicProgressView, keyResultView } from './shared/views';

export interface IssueContext {
  id: string;
  key: string;
}

const RECENT_CHECK_INS = 3;

/**
 * issuePanel.get: for the epic open in Jira (from the invocation's extension context, never the
 * payload), the KRs it serves (through the by-issue lookup rows), each with its recent check-ins, and
 * the epic's progress: from the cache when linked, else one asApp POST /rest/api/3/search/jql. Nothing
 * is shown unless the viewer may browse the epic's project (POST /rest/api/3/permissions/check).
 * @throws AppError VALIDATION (no issue in context), FORBIDDEN (the viewer cannot see the issue).
 */
export const getIssuePanel = async (ctx: Ctx, issue: IssueContext | undefined): Promise<ApiOutput<'issuePanel.get'>> => {
  if (issue === undefined) throw new AppError('VALIDATION', 'issuePanel.get runs in an issue panel: the context names no issue.', 'context.extension.issue');
  const links = await ctx.store.listLinksByIssue([issue.id]);
  const [aggregates, cycles] = await Promise.all([ctx.store.getObjectives(links.map((l) => l.objectiveId)), ctx.store.listCycles()]);
  const cycleById = new Map(cycles.map((c) => [c.id, c]));
  const linked = aggregates.filter((a) => a.initiatives.some((i) => i.issueId === issue.id) && a.objective.status !== 'archived');

  const cached = linked.flatMap((a) => a.initiatives).find((i) => i.issueId === issue.id && i.epic.refreshedAt !== '');
  let projectId = cached?.epic.projectId;
  let progress = cached?.epic.progress ?? null;
  let isEpic = cached !== undefined;
  if (cached === undefined) {
    const state = (await ctx.jira.readEpics([issue.id])).get(issue.id);
    const epic = state?.epic;
    if (epic !== undefined) {
      projectId = epic.projectId;
      const latest = cycles.filter((c) => c.status === 'active').at(-1) ?? cycles.at(-1);
      isEpic = epic.isEpic;
      progress = isEpic ? epicProgress(state?.children ?? [], latest?.startDate ?? '1970-01-01') : null;
    }
  }

  const withCycle = linked.flatMap((a) => {
    const cycle = cycleById.get(a.objective.cycleId);
    return cycle === undefined ? [] : [{ aggregate: a, cycle }];
  });
  const projects = [projectId ?? '', ...withCycle.flatMap((w) => w.aggregate.initiatives.map((i) => i.epic.projectId))];
  const [settings, teams, access] = await Promise.all([ctx.store.getSettings(), ctx.store.listTeams(), ctx.jira.viewerAccess(projects)]);
  if (projectId === undefined || !access.browsableProjectIds.has(projectId)) {
    throw new AppError('FORBIDDEN', 'You cannot see this issue.');
  }

  const okrAdmin = await isOkrAdminGiven(ctx, access.isSiteAdmin);
  const krIds = new Set(links.filter((l) => l.issueId === issue.id).map((l) => l.keyResultId));
  const rows = await Promise.all(
    withCycle.flatMap(({ aggregate, cycle }) => {
      const view = makeViewContext(ctx, { cycle, settings, teams, access, okrAdmin });
      return aggregate.keyResults
        .filter((kr) => krIds.has(kr.id) && kr.status === 'active')
        .map(async (kr) => {
          const o = aggregate.objective;
          return {
            keyResult: keyResultView(kr, aggregate, view),
            objective: { id: o.id, title: o.title, level: o.level, cycleId: o.cycleId },
            cycleName: cycle.name,
            recentCheckIns: (await withLatestCheckIn(ctx.store, kr, await ctx.store.listCheckIns(kr.id, RECENT_CHECK_INS), true)).items.slice(0, RECENT_CHECK_INS),
          };
        });
    }),
  );
  return { issue: { id: issue.id, key: issue.key }, epicProgress: progress === null ? null : epicProgressView(progress), isEpic, keyResults: rows };
};
