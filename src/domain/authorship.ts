import type { Authorship } from '../contract/review';

/** Editors kept per objective: enough to see who shaped it (the schema's limit). */
export const MAX_EDITORS = 50;

/** The authorship of an objective someone drafts now. */
export const draftedBy = (accountId: string): Authorship => ({ createdBy: accountId, editors: [] });

/**
 * Who drafted an objective and who edited it since: the drafter is not listed again as an editor, an
 * editor is listed once (in order of first edit). An objective stored before authorship was kept has no
 * known drafter; its editors are kept from its next edit on.
 */
export const withEditor = (authorship: Authorship | undefined, accountId: string): Authorship => {
  if (authorship === undefined) return { editors: [accountId] };
  if (authorship.createdBy === accountId || authorship.editors.includes(accountId)) return authorship;
  if (authorship.editors.length >= MAX_EDITORS) return authorship;
  return { ...authorship, editors: [...authorship.editors, accountId] };
};
