import type { InitiativeLink, ObjectiveAggregate } from '../../usecases/model';
import type { Attributes } from './codecs';
import { decodeIssueLinks, encodeIssueLinks } from './codecs';
import { batchGetAll, batchSetAll } from './kvs-io';
import type { Space } from './registry';
import { at, ENTITY } from './registry';

/**
 * Which objectives link a Jira issue: one document per issue, read by key. An issue event looks its
 * issue up here, so a link made a moment ago is found (an index query might not show it yet).
 */

export interface IssueLinks {
  issueId: string;
  key: string;
  /** 0 when the document does not exist yet. */
  version: number;
  links: InitiativeLink[];
}

export const readIssueLinks = async (space: Space, issueIds: readonly string[]): Promise<IssueLinks[]> => {
  const ids = [...new Set(issueIds)];
  const items = new Map((await batchGetAll(ENTITY.issueLink, ids.map((id) => at(space, id)))).map((i) => [i.key, i.value]));
  return ids.map((issueId) => {
    const key = at(space, issueId);
    const value = items.get(key);
    return value === undefined ? { issueId, key, version: 0, links: [] } : { issueId, key, ...decodeIssueLinks(value) };
  });
};

export const listLinksByIssue = async (space: Space, issueIds: readonly string[]): Promise<InitiativeLink[]> =>
  (await readIssueLinks(space, issueIds)).flatMap((d) => d.links);

const linksOf = (aggregate: ObjectiveAggregate, issueId: string): InitiativeLink[] =>
  aggregate.initiatives
    .filter((i) => i.issueId === issueId)
    .map((i) => ({
      initiativeId: i.id,
      issueId,
      keyResultId: i.keyResultId,
      objectiveId: aggregate.objective.id,
      cycleId: aggregate.objective.cycleId,
      linkedAt: i.linkedAt,
    }));

/** The document's links with this objective's replaced by what the aggregate links now. */
export const withObjectiveLinks = (doc: IssueLinks, aggregate: ObjectiveAggregate): Attributes =>
  encodeIssueLinks([...doc.links.filter((l) => l.objectiveId !== aggregate.objective.id), ...linksOf(aggregate, doc.issueId)], doc.version + 1);

/** Whole documents for a data set written at once (imports): unconditional. */
export const putIssueLinks = async (space: Space, aggregates: readonly ObjectiveAggregate[]): Promise<void> => {
  const byIssue = new Map<string, InitiativeLink[]>();
  for (const a of aggregates) {
    for (const issueId of new Set(a.initiatives.map((i) => i.issueId))) byIssue.set(issueId, [...(byIssue.get(issueId) ?? []), ...linksOf(a, issueId)]);
  }
  await batchSetAll([...byIssue].map(([issueId, links]) => ({ entity: ENTITY.issueLink, key: at(space, issueId), value: encodeIssueLinks(links, 1) })));
};
