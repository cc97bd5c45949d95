import type { Objective } from '../../contract';
import type { PeopleCheck } from './permissions';

/** The people an objective names that a change set (all of them on create), for requireSiteUsers. */
export const objectivePeople = (after: Objective, before?: Objective): PeopleCheck[] => {
  const checks: PeopleCheck[] = [];
  if (after.ownerAccountId !== before?.ownerAccountId) {
    checks.push({ field: 'ownerAccountId', label: 'owner', accountIds: [after.ownerAccountId] });
  }
  if (after.reviewerAccountId !== undefined && after.reviewerAccountId !== before?.reviewerAccountId) {
    checks.push({ field: 'reviewerAccountId', label: 'reviewer', accountIds: [after.reviewerAccountId] });
  }
  return checks;
};
