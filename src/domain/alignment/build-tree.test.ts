import type { KeyResult, Objective } from '../../contract';
import { aKeyResult, anObjective } from '../../../test/support/builders';
import { DomainError } from '../errors';
import { buildAlignmentTree } from './build-tree';
import type { AlignmentNode, AlignmentTree } from './types';

const CYCLE = 'cycle-q1';

const build = (objectives: readonly Objective[], keyResults: readonly KeyResult[] = []): AlignmentTree =>
  buildAlignmentTree({ cycleId: CYCLE, objectives, keyResults });

/** A KR of `objective` graded at `score` (finalScore), so the expected maths reads off the test. */
const graded = (objective: Objective, score: number, over: Partial<KeyResult> = {}): KeyResult =>
  aKeyResult({ objectiveId: objective.id, finalScore: score, ...over });

const titles = (nodes: readonly AlignmentNode[]): string[] => nodes.map((n) => n.objective.title);

const nodeOf = (tree: AlignmentTree, objective: Objective): AlignmentNode => {
  const node = tree.byId.get(objective.id);
  if (node === undefined) throw new Error(`no node for ${objective.title}`);
  return node;
};

describe('buildAlignmentTree', () => {
  it('builds a three-level tree company -> team -> individual', () => {
    const company = anObjective({ level: 'company', title: 'Make enterprise customers successful' });
    const payments = anObjective({
      level: 'team',
      teamId: 'team-pay',
      title: 'Onboard clients fast',
      parentObjectiveId: company.id,
    });
    const support = anObjective({
      level: 'team',
      teamId: 'team-sup',
      title: 'Resolve escalations',
      parentObjectiveId: company.id,
    });
    const alice = anObjective({ level: 'individual', title: 'Own the playbook', parentObjectiveId: payments.id });

    const tree = build([alice, support, payments, company]);

    expect(tree.cycleId).toBe(CYCLE);
    expect(titles(tree.roots)).toEqual(['Make enterprise customers successful']);
    const root = nodeOf(tree, company);
    expect(root.objective).toBe(company);
    expect(titles(root.children)).toEqual(['Onboard clients fast', 'Resolve escalations']);
    expect(titles(nodeOf(tree, payments).children)).toEqual(['Own the playbook']);
    expect(nodeOf(tree, support).children).toEqual([]);
    expect(tree.byId.size).toBe(4);
    expect(tree.depth).toBe(3);
    expect(tree.detached).toEqual([]);
  });

  it('gives an empty tree for a cycle with no objectives', () => {
    const tree = build([anObjective({ cycleId: 'cycle-2026' })]);
    expect(tree.roots).toEqual([]);
    expect(tree.byId.size).toBe(0);
    expect(tree.depth).toBe(0);
  });

  it('orders company first, then team, then individual, then by title, with numbers in titles read as numbers', () => {
    const person = anObjective({ level: 'individual', title: 'A personal goal' });
    const team = anObjective({ level: 'team', teamId: 'team-pay', title: 'B team goal' });
    const z = anObjective({ level: 'company', title: 'Zeal' });
    const y = anObjective({ level: 'company', title: 'yield' });
    const children = [
      anObjective({ level: 'individual', title: 'a person', parentObjectiveId: z.id }),
      anObjective({ level: 'team', teamId: 't10', title: 'Squad 10', parentObjectiveId: z.id }),
      anObjective({ level: 'team', teamId: 't2', title: 'Squad 2', parentObjectiveId: z.id }),
    ];

    const tree = build([person, team, z, ...children, y]);

    expect(titles(tree.roots)).toEqual(['yield', 'Zeal', 'B team goal', 'A personal goal']);
    expect(titles(nodeOf(tree, z).children)).toEqual(['Squad 2', 'Squad 10', 'a person']);
  });

  it('breaks ties between equal titles by id, so the order is stable', () => {
    const second = anObjective({ id: 'obj-b', title: 'Same' });
    const first = anObjective({ id: 'obj-a', title: 'Same' });
    expect(build([second, first]).roots.map((n) => n.objective.id)).toEqual(['obj-a', 'obj-b']);
  });

  it('leaves out objectives of other cycles and archived objectives, and includes drafts', () => {
    const published = anObjective({ title: 'Published' });
    const draft = anObjective({ title: 'Draft', status: 'draft' });
    const archived = anObjective({ title: 'Archived', status: 'archived' });
    const elsewhere = anObjective({ title: 'Elsewhere', cycleId: 'cycle-2026' });

    const tree = build([published, draft, archived, elsewhere]);

    expect(titles(tree.roots)).toEqual(['Draft', 'Published']);
    expect(tree.byId.has(archived.id)).toBe(false);
    expect(tree.byId.has(elsewhere.id)).toBe(false);
  });

  it('detaches children of archived or missing parents as roots, saying why', () => {
    const archived = anObjective({ title: 'Retired goal', status: 'archived' });
    const elsewhere = anObjective({ title: 'Last year', cycleId: 'cycle-2026' });
    const underArchived = anObjective({
      level: 'team',
      teamId: 't1',
      title: 'Under archived',
      parentObjectiveId: archived.id,
    });
    const underMissing = anObjective({
      level: 'team',
      teamId: 't2',
      title: 'Under missing',
      parentObjectiveId: 'obj-gone',
    });
    const underElsewhere = anObjective({
      level: 'team',
      teamId: 't3',
      title: 'Under elsewhere',
      parentObjectiveId: elsewhere.id,
    });
    const grandchild = anObjective({
      level: 'individual',
      title: 'Still aligned',
      parentObjectiveId: underArchived.id,
    });

    const tree = build([archived, elsewhere, underArchived, underMissing, underElsewhere, grandchild]);

    expect(titles(tree.roots)).toEqual(['Under archived', 'Under elsewhere', 'Under missing']);
    expect(tree.detached).toEqual([
      { objective: underArchived, parentObjectiveId: archived.id, reason: 'parent-archived' },
      { objective: underMissing, parentObjectiveId: 'obj-gone', reason: 'parent-missing' },
      { objective: underElsewhere, parentObjectiveId: elsewhere.id, reason: 'parent-missing' },
    ]);
    expect(titles(nodeOf(tree, underArchived).children)).toEqual(['Still aligned']);
    expect(tree.depth).toBe(2);
  });

  it('rejects stored parent links that loop, naming the objectives in each loop', () => {
    const a = anObjective({ id: 'obj-a', level: 'team', teamId: 't', title: 'Alpha', parentObjectiveId: 'obj-c' });
    const b = anObjective({ id: 'obj-b', level: 'team', teamId: 't', title: 'Beta', parentObjectiveId: 'obj-a' });
    const c = anObjective({ id: 'obj-c', level: 'team', teamId: 't', title: 'Gamma', parentObjectiveId: 'obj-b' });
    const hanging = anObjective({ level: 'individual', title: 'Hanging', parentObjectiveId: 'obj-a' });
    const fine = anObjective({ title: 'Fine' });

    let error: unknown;
    try {
      build([fine, a, b, c, hanging]);
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'ALIGNMENT_CYCLE',
      field: 'parentObjectiveId',
      message:
        'The alignment cannot be shown as a tree because parent links loop: "Alpha" -> "Gamma" -> "Beta" -> "Alpha". ' +
        'Change the parent of one objective in each loop.',
    });
  });

  it('ignores a loop made only of archived objectives', () => {
    const x = anObjective({ id: 'obj-x', title: 'Ex', status: 'archived', parentObjectiveId: 'obj-y' });
    const y = anObjective({ id: 'obj-y', title: 'Why', status: 'archived', parentObjectiveId: 'obj-x' });
    expect(build([x, y]).roots).toEqual([]);
  });

  describe('scores and roll-ups', () => {
    it('lists only active KRs, in input order, and scores the objective on them', () => {
      const o = anObjective();
      const first = graded(o, 0.2);
      const archived = graded(o, 1, { status: 'archived' });
      const second = graded(o, 0.6);
      const someoneElses = graded(anObjective(), 1);

      const node = nodeOf(build([o], [first, archived, someoneElses, second]), o);

      expect(node.keyResults).toEqual([first, second]);
      expect(node.score).toBeCloseTo(0.4);
      expect(node.rollup).toBeCloseTo(0.4);
    });

    it('blends weighted own KRs with children, each child counting as one KR', () => {
      const company = anObjective({ title: 'Company' });
      const scored = anObjective({ level: 'team', teamId: 't1', title: 'Scored', parentObjectiveId: company.id });
      const unmeasured = anObjective({
        level: 'team',
        teamId: 't2',
        title: 'Unmeasured',
        parentObjectiveId: company.id,
      });

      const tree = build(
        [company, scored, unmeasured],
        [graded(company, 1, { weight: 3 }), graded(company, 0, { weight: 1 }), graded(scored, 0.3)],
      );

      const root = nodeOf(tree, company);
      expect(root.score).toBeCloseTo(0.75);
      // (2 own KRs * 0.75 + 0.3) / (2 + 1): the child with nothing measured is left out.
      expect(root.rollup).toBeCloseTo(0.6);
      expect(nodeOf(tree, unmeasured)).toMatchObject({ score: null, rollup: null });
    });

    it('rolls up through every level', () => {
      const company = anObjective({ title: 'Company' });
      const team = anObjective({ level: 'team', teamId: 't1', title: 'Team', parentObjectiveId: company.id });
      const person = anObjective({ level: 'individual', title: 'Person', parentObjectiveId: team.id });

      const tree = build([person, team, company], [graded(company, 0), graded(team, 0.5), graded(person, 1)]);

      expect(nodeOf(tree, person).rollup).toBeCloseTo(1);
      expect(nodeOf(tree, team).rollup).toBeCloseTo(0.75);
      expect(nodeOf(tree, company).rollup).toBeCloseTo(0.375);
    });

    it('gives an objective without KRs the mean of its scored children, and no score of its own', () => {
      const company = anObjective({ title: 'Company' });
      const a = anObjective({ level: 'team', teamId: 't1', title: 'A', parentObjectiveId: company.id });
      const b = anObjective({ level: 'team', teamId: 't2', title: 'B', parentObjectiveId: company.id });

      const root = nodeOf(build([company, a, b], [graded(a, 0.4), graded(b, 0.8)]), company);

      expect(root.score).toBeNull();
      expect(root.rollup).toBeCloseTo(0.6);
    });

    it('gives an objective with no KRs and no children neither score nor roll-up', () => {
      const lonely = anObjective({ title: 'Lonely' });
      const onlyArchived = anObjective({ title: 'Only archived KRs' });
      const tree = build([lonely, onlyArchived], [graded(onlyArchived, 1, { status: 'archived' })]);
      expect(nodeOf(tree, lonely)).toMatchObject({ keyResults: [], score: null, rollup: null });
      expect(nodeOf(tree, onlyArchived)).toMatchObject({ keyResults: [], score: null, rollup: null });
    });
  });

  describe('at scale', () => {
    it('builds 1,000 objectives with 4,000 KRs', () => {
      const objectives: Objective[] = [];
      const keyResults: KeyResult[] = [];
      const withKeyResults = (o: Objective, score: number): Objective => {
        objectives.push(o);
        for (let k = 0; k < 4; k += 1) keyResults.push(graded(o, score));
        return o;
      };
      for (let c = 0; c < 10; c += 1) {
        const company = withKeyResults(anObjective({ title: `Company ${c}` }), 0);
        for (let t = 0; t < 9; t += 1) {
          const team = withKeyResults(
            anObjective({ level: 'team', teamId: `team-${c}-${t}`, title: `Team ${t}`, parentObjectiveId: company.id }),
            0,
          );
          for (let i = 0; i < 10; i += 1) {
            withKeyResults(anObjective({ level: 'individual', title: `Person ${i}`, parentObjectiveId: team.id }), 1);
          }
        }
      }

      const tree = build(objectives, keyResults);

      expect(objectives).toHaveLength(1000);
      expect(keyResults).toHaveLength(4000);
      expect(tree.byId.size).toBe(1000);
      expect(tree.depth).toBe(3);
      expect(titles(tree.roots)).toEqual(Array.from({ length: 10 }, (_, c) => `Company ${c}`));
      const teamRollup = 10 / 14; // 4 own KRs at 0 and 10 people at 1
      for (const root of tree.roots) {
        expect(root.children).toHaveLength(9);
        expect(root.rollup).toBeCloseTo((9 * teamRollup) / 13);
        for (const team of root.children) {
          expect(team.keyResults).toHaveLength(4);
          expect(team.children).toHaveLength(10);
          expect(team.rollup).toBeCloseTo(teamRollup);
        }
      }
    });

    it('builds a chain 1,000 objectives deep without running out of stack', () => {
      const chain: Objective[] = [anObjective({ title: 'Top' })];
      for (let i = 1; i < 1000; i += 1) {
        const parent = chain[chain.length - 1];
        chain.push(anObjective({ level: 'team', teamId: 't', title: `Level ${i}`, parentObjectiveId: parent?.id }));
      }
      const bottom = chain[chain.length - 1];
      const tree = build(chain, bottom === undefined ? [] : [graded(bottom, 0.5)]);
      expect(tree.depth).toBe(1000);
      expect(tree.roots).toHaveLength(1);
      expect(tree.roots[0]?.rollup).toBeCloseTo(0.5);
    });
  });
});
