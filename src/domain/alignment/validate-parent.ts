import type { Objective, ObjectiveLevel } from '../../contract';
import { DomainError } from '../errors';
import { chain, loopText, quoted } from './describe';
import { LEVEL_RANK } from './level-order';

const FIELD = 'parentObjectiveId';

const describeLevel = (level: ObjectiveLevel, o: Objective | undefined): string =>
  `${level === 'individual' ? 'an' : 'a'} ${level} objective${o === undefined ? '' : ` (${quoted(o)})`}`;

/**
 * Walks up from the chosen parent. Reaching the child means the new link would close a loop. The walk
 * stops at the child, so a stored loop through the child (which this very change breaks) never blocks a
 * repair. A visited set makes it terminate on corrupt data that already loops elsewhere; such a parent
 * is rejected too, because the tree cannot be built while that loop exists.
 */
const assertNoLoop = (
  childId: string,
  childName: string,
  parent: Objective,
  objectivesById: ReadonlyMap<string, Objective>,
): void => {
  const path: Objective[] = [parent];
  const seen = new Set<string>([parent.id]);
  let nextId = parent.parentObjectiveId;
  while (nextId !== undefined) {
    if (nextId === childId) {
      throw new DomainError(
        'ALIGNMENT_CYCLE',
        `Aligning ${childName} to ${quoted(parent)} would create a loop: ${childName} -> ${chain(path)} -> ${childName}. ` +
          'An objective cannot align to one of its own descendants.',
        FIELD,
      );
    }
    if (seen.has(nextId)) {
      const id = nextId;
      const loop = path.slice(path.findIndex((o) => o.id === id));
      throw new DomainError(
        'ALIGNMENT_CYCLE',
        `${quoted(parent)} cannot be a parent until its alignment is repaired: its parents loop (${loopText(loop)}).`,
        FIELD,
      );
    }
    const next = objectivesById.get(nextId);
    if (next === undefined) return;
    seen.add(nextId);
    path.push(next);
    nextId = next.parentObjectiveId;
  }
};

/**
 * Checks that `parentId` may become the parent of `child` before it is stored, so the alignment stays a
 * tree the board can show. Throws DomainError on field 'parentObjectiveId':
 * - ALIGNMENT_CYCLE: the parent is the child itself or one of its descendants (or already sits below a
 *   stored loop);
 * - ALIGNMENT_PARENT_NOT_FOUND: no objective has that id;
 * - ALIGNMENT_OTHER_CYCLE: the parent belongs to another cycle (alignment is planned within one cycle);
 * - ALIGNMENT_LEVEL: the parent is lower in the cascade (company 0, team 1, individual 2). Equal levels
 *   are allowed: sub-teams, and horizontal alignment between teams sharing a dependency.
 * No parent (undefined) is always fine. Archived parents are not rejected here; lint reports them.
 * `objectivesById` must hold the parent's ancestors; the child may be absent (a new objective).
 */
export const validateParent = (
  child: Pick<Objective, 'id' | 'cycleId' | 'level'>,
  parentId: string | undefined,
  objectivesById: ReadonlyMap<string, Objective>,
): void => {
  if (parentId === undefined) return;
  const stored = objectivesById.get(child.id);
  const childName = stored === undefined ? 'this objective' : quoted(stored);
  if (parentId === child.id) {
    throw new DomainError('ALIGNMENT_CYCLE', `An objective cannot align to itself (${childName}).`, FIELD);
  }
  const parent = objectivesById.get(parentId);
  if (parent === undefined) {
    throw new DomainError(
      'ALIGNMENT_PARENT_NOT_FOUND',
      `The chosen parent objective (id ${parentId}) does not exist; it may have been deleted. Choose another parent.`,
      FIELD,
    );
  }
  if (parent.cycleId !== child.cycleId) {
    throw new DomainError(
      'ALIGNMENT_OTHER_CYCLE',
      `${quoted(parent)} belongs to another cycle; ${childName} can only align to objectives of its own cycle.`,
      FIELD,
    );
  }
  if (LEVEL_RANK[parent.level] > LEVEL_RANK[child.level]) {
    const childLevel = describeLevel(child.level, stored);
    throw new DomainError(
      'ALIGNMENT_LEVEL',
      `${childLevel.charAt(0).toUpperCase()}${childLevel.slice(1)} cannot align to ${describeLevel(parent.level, parent)}: ` +
        'a parent must be at the same level or above (company, then team, then individual).',
      FIELD,
    );
  }
  assertNoLoop(child.id, childName, parent, objectivesById);
};
