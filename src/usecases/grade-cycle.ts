import type { ApiOutput, ApiParsedInput } from '../contract';
import { forbidden, invalidState, notFound } from './errors';
import type { ObjectiveAggregate } from './model';
import type { Ctx } from './shared/context';
import { requireCycle } from './shared/lookups';
import { mutateObjective, once } from './shared/mutate-objective';
import { isMemberOf, isOkrAdmin } from './shared/permissions';
import { scorecardOf } from './get-scorecard';

/**
 * cycles.grade: during review, final scores for KRs and a retrospective per objective, then the graded
 * scorecard. Every id is checked before anything is written. Each objective's owner, its team's
 * members and OKR admins grade it (POST /rest/api/3/permissions/check when needed).
 * @throws AppError NOT_FOUND cycleId / grades.N.keyResultId / retrospectives.N.objectiveId,
 *   INVALID_STATE cycleId (not in review), FORBIDDEN, CONFLICT.
 */
export const gradeCycle = async (ctx: Ctx, input: ApiParsedInput<'cycles.grade'>): Promise<ApiOutput<'cycles.grade'>> => {
  const [cycle, aggregates, teams] = await Promise.all([
    requireCycle(ctx.store, input.cycleId, 'cycleId'),
    ctx.store.listObjectivesOfCycle(input.cycleId),
    ctx.store.listTeams(),
  ]);
  if (cycle.status !== 'review') throw invalidState(`Grading happens during review; "${cycle.name}" is in ${cycle.status}.`, 'cycleId');
  const objectiveOfKr = new Map(aggregates.flatMap((a) => a.keyResults.map((kr) => [kr.id, a.objective.id] as const)));
  const inCycle = new Set(aggregates.map((a) => a.objective.id));
  const touched = new Set<string>();
  input.grades.forEach((g, i) => {
    const objectiveId = objectiveOfKr.get(g.keyResultId);
    if (objectiveId === undefined) throw notFound('Key result', g.keyResultId, `grades.${String(i)}.keyResultId`);
    touched.add(objectiveId);
  });
  input.retrospectives.forEach((r, i) => {
    if (!inCycle.has(r.objectiveId)) throw notFound('Objective', r.objectiveId, `retrospectives.${String(i)}.objectiveId`);
    touched.add(r.objectiveId);
  });

  const teamById = new Map(teams.map((t) => [t.id, t]));
  const me = ctx.actor.accountId;
  for (const a of aggregates) {
    if (!touched.has(a.objective.id)) continue;
    const o = a.objective;
    const own = o.ownerAccountId === me || (o.teamId !== undefined && isMemberOf(teamById.get(o.teamId), me));
    if (!own && !(await isOkrAdmin(ctx))) throw forbidden(`Only the owner, the team or OKR admins can grade "${o.title}".`);
  }

  const scores = new Map(input.grades.map((g) => [g.keyResultId, g.score]));
  const retros = new Map(input.retrospectives.map((r) => [r.objectiveId, r.text]));
  const updated = await Promise.all(
    [...touched].map(async (id) => {
      const { aggregate } = await mutateObjective(ctx, id, 'cycleId', (current) => {
        const keyResults = current.keyResults.map((kr) => {
          const score = scores.get(kr.id);
          return score === undefined ? kr : { ...kr, finalScore: score };
        });
        const retrospective = retros.get(id);
        const objective = retrospective === undefined ? current.objective : { ...current.objective, retrospective };
        return { aggregate: { ...current, objective, keyResults }, result: undefined };
      }, once(ctx, 'cycles.grade', input.requestId));
      return aggregate;
    }),
  );
  const byId = new Map<string, ObjectiveAggregate>(aggregates.map((a) => [a.objective.id, a]));
  for (const a of updated) byId.set(a.objective.id, a);
  return scorecardOf(ctx, cycle, [...byId.values()], cycle.name);
};
