import type { ApiOutput, ApiParsedInput, Retrospective } from '../contract';
import { measuredGrade, needsGradeReason } from '../domain/grade';
import { AppError, invalidState, notFound, validation } from './errors';
import type { ObjectiveAggregate, StoredKeyResult } from './model';
import type { Ctx } from './shared/context';
import { requireCycle } from './shared/lookups';
import { mutateObjective, once } from './shared/mutate-objective';
import { isMemberOf, isOkrAdmin } from './shared/permissions';
import { scorecardOf } from './get-scorecard';

type GradeInput = ApiParsedInput<'cycles.grade'>;
type RetrospectiveInput = GradeInput['retrospectives'][number];

/** The prompts given, without empty ones; undefined when none says anything (the retrospective is cleared). */
const retrospectiveOf = (r: RetrospectiveInput, byAccountId: string, at: string): Retrospective | undefined => {
  const prompts = Object.fromEntries(
    (['drove', 'didNot', 'learned'] as const).flatMap((p) => {
      const text = r[p]?.trim() ?? '';
      return text === '' ? [] : [[p, text]];
    }),
  );
  return Object.keys(prompts).length === 0 ? undefined : { ...prompts, byAccountId, at };
};

/** A KR with its final score; the reason is kept only while the score differs from the measured grade. */
const graded = (kr: StoredKeyResult, score: number, reason: string | undefined): StoredKeyResult => {
  const { finalScoreReason: _old, ...rest } = kr;
  const why = reason?.trim() ?? '';
  return needsGradeReason(measuredGrade(kr), score) && why !== '' ? { ...rest, finalScore: score, finalScoreReason: why } : { ...rest, finalScore: score };
};

/**
 * cycles.grade: during review, final scores for KRs and a retrospective (three prompts) per objective,
 * then the graded scorecard. Every id and right is checked before anything is written. A final score
 * that differs from the measured grade needs a reason (domain/grade.ts needsGradeReason). The
 * objective's owner, its team's members and OKR admins grade its KRs; only its owner or an OKR admin
 * writes its retrospective (both judged on the objective as stored; POST /rest/api/3/permissions/check
 * only when needed). The retrospective records who saved it (the invocation's account, never the
 * payload) and when (the app clock).
 * Storage: the cycle, the cycle's objectives (board shards, then the aggregates) and the teams; then
 * per touched objective one read and one conditional write (mutateObjective).
 * @throws AppError NOT_FOUND cycleId / grades.N.keyResultId / retrospectives.N.objectiveId,
 *   VALIDATION grades.N.reason, INVALID_STATE cycleId (not in review), FORBIDDEN, CONFLICT.
 */
export const gradeCycle = async (ctx: Ctx, input: GradeInput): Promise<ApiOutput<'cycles.grade'>> => {
  const [cycle, aggregates, teams] = await Promise.all([
    requireCycle(ctx.store, input.cycleId, 'cycleId'),
    ctx.store.listObjectivesOfCycle(input.cycleId),
    ctx.store.listTeams(),
  ]);
  if (cycle.status !== 'review') throw invalidState(`Grading happens during review; "${cycle.name}" is in ${cycle.status}.`, 'cycleId');
  const byId = new Map<string, ObjectiveAggregate>(aggregates.map((a) => [a.objective.id, a]));
  const krById = new Map(aggregates.flatMap((a) => a.keyResults.map((kr) => [kr.id, { kr, objectiveId: a.objective.id }] as const)));
  const graders = new Set<string>();
  input.grades.forEach((g, i) => {
    const found = krById.get(g.keyResultId);
    if (found === undefined) throw notFound('Key result', g.keyResultId, `grades.${String(i)}.keyResultId`);
    if (needsGradeReason(measuredGrade(found.kr), g.score) && (g.reason ?? '').trim() === '') {
      throw validation(`grades.${String(i)}.reason`, 'is required when the final score differs from the measured grade');
    }
    graders.add(found.objectiveId);
  });
  const writers = new Map<string, number>();
  input.retrospectives.forEach((r, i) => {
    if (!byId.has(r.objectiveId)) throw notFound('Objective', r.objectiveId, `retrospectives.${String(i)}.objectiveId`);
    writers.set(r.objectiveId, i);
  });

  const teamById = new Map(teams.map((t) => [t.id, t]));
  const me = ctx.actor.accountId;
  let admin: Promise<boolean> | undefined;
  const isAdmin = (): Promise<boolean> => (admin ??= isOkrAdmin(ctx));
  for (const id of graders) {
    const o = byId.get(id)?.objective;
    if (o === undefined) continue;
    const own = o.ownerAccountId === me || (o.teamId !== undefined && isMemberOf(teamById.get(o.teamId), me));
    if (!own && !(await isAdmin())) throw new AppError('FORBIDDEN', `Only the owner, the team or OKR admins can grade "${o.title}".`);
  }
  for (const [id, i] of writers) {
    const o = byId.get(id)?.objective;
    if (o === undefined || o.ownerAccountId === me || (await isAdmin())) continue;
    throw new AppError(
      'FORBIDDEN',
      `Only the objective’s owner or an OKR admin can write the retrospective of "${o.title}".`,
      `retrospectives.${String(i)}.objectiveId`,
    );
  }

  const grades = new Map(input.grades.map((g) => [g.keyResultId, g]));
  const retros = new Map(input.retrospectives.map((r) => [r.objectiveId, r]));
  const touched = new Set([...graders, ...writers.keys()]);
  const updated = await Promise.all(
    [...touched].map(async (id) => {
      const { aggregate } = await mutateObjective(ctx, id, 'cycleId', (current, now) => {
        const keyResults = current.keyResults.map((kr) => {
          const g = grades.get(kr.id);
          return g === undefined ? kr : graded(kr, g.score, g.reason);
        });
        const r = retros.get(id);
        let objective = current.objective;
        if (r !== undefined) {
          const { retrospective: _old, ...rest } = objective;
          const retrospective = retrospectiveOf(r, me, now.toISOString());
          objective = retrospective === undefined ? rest : { ...rest, retrospective };
        }
        return { aggregate: { ...current, objective, keyResults }, result: undefined };
      }, once(ctx, 'cycles.grade', input.requestId));
      return aggregate;
    }),
  );
  for (const a of updated) byId.set(a.objective.id, a);
  return scorecardOf(ctx, cycle, [...byId.values()], cycle.name);
};
