/**
 * The JQL functions of the jira:jqlFunction module (manifest.yml): the work under a KR or an objective.
 * No zod here: views import these to build links, and zod would triple their bundle.
 */
export const JQL_FUNCTIONS = { keyResult: 'keyResultWork', objective: 'objectiveWork' } as const;

/** `issue in keyResultWork("<id>")`: the linked epics of a KR and their child issues, as Jira's search takes it. */
export const keyResultWorkJql = (keyResultId: string): string => `issue in ${JQL_FUNCTIONS.keyResult}("${keyResultId}")`;
export const objectiveWorkJql = (objectiveId: string): string => `issue in ${JQL_FUNCTIONS.objective}("${objectiveId}")`;
