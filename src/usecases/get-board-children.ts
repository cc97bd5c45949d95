import type { ApiOutput, ApiParsedInput } from '../contract';
import { notFound } from './errors';
import { keptChildCount, windowFindings, windowNodes } from './shared/board-nodes';
import { childPage } from './shared/board-window';
import type { Ctx } from './shared/context';
import { detachedOf, loadBoardRows, loadBoardTree } from './get-board';

/**
 * board.children: the rest of the board on demand. A page of 100 of an objective's children (of the
 * roots without objectiveId), in board order, under the same filters as board.get, each collapsed with
 * its child count; nextCursor when more follow. Scores and roll-ups are the full tree's. Findings about
 * the objectives of the page (board.get already gave those about teams and people).
 *
 * Cost, whatever the cycle's size beyond its tree index: as board.get, the generation document, one
 * round trip (cycle, bands, teams, the 16 tree index documents), then the page's row documents (4
 * batchGets of 25) beside one Jira call, POST /rest/api/3/permissions/check (site admin, for canEdit; the admin group's membership too when one is set).
 * @throws AppError NOT_FOUND cycleId / objectiveId (not on this cycle's board, or not kept by the
 *   filters) / teamId / ownerAccountId, INVALID_STATE when stored alignment loops.
 */
export const getBoardChildren = async (
  ctx: Ctx,
  input: ApiParsedInput<'board.children'>,
): Promise<ApiOutput<'board.children'>> => {
  const { cycle, settings, teams, entries, scope, filtered } = await loadBoardTree(ctx, input.cycleId, input);
  let list = filtered.roots;
  if (input.objectiveId !== undefined) {
    const parent = filtered.tree.byId.get(input.objectiveId);
    if (parent === undefined || !filtered.has(parent.entry.id))
      throw notFound('Objective', input.objectiveId, 'objectiveId');
    list = filtered.childrenOf(parent);
  }
  const page = childPage(list, input.cursor);
  const ids = page.nodes.map((n) => n.entry.id);
  const { digests, rows, view } = await loadBoardRows(ctx, { cycle, settings, teams }, ids);
  return {
    ...(input.objectiveId === undefined ? {} : { objectiveId: input.objectiveId }),
    childCount: list.length,
    children: windowNodes(cycle.id, keptChildCount(filtered), { open: new Map() }, page.nodes, rows, view),
    ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
    detached: input.objectiveId === undefined ? detachedOf(filtered, ids) : [],
    findings: windowFindings({ cycle, entries, shown: digests, teams, now: view.now, scope, withScope: false }),
  };
};
