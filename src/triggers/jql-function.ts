import { catalogFor } from '../adapters/i18n';
import { composeDeps } from '../app/compose';
import { DEFAULT_LOCALE } from '../contract';
import type { WorkProblem } from '../usecases/resolve-work-jql';
import { answerWorkCall } from '../usecases/resolve-work-jql';

/**
 * jira:jqlFunction keyResultWork / objectiveWork (manifest.yml): Jira sends the clause and wants
 * `{jql}` or `{error}` within 25 s (docs: cloud/jira/platform/jql-functions). A precomputation serves
 * every searcher, so the words are the manifest's default language, not the searcher's.
 * Errors are not stored as precomputations (storeErrorAsPrecomputation left out): Jira asks again after
 * at most a minute, so an id that exists later (an import) works then.
 */
export const workJql = async (args: unknown): Promise<{ jql: string } | { error: string }> => {
  const answer = await answerWorkCall(composeDeps().store, args);
  if ('jql' in answer) return answer;
  return { error: await workProblemWords(answer) };
};

/** The words of a call that has no fragment, in the manifest's default language. */
export const workProblemWords = async (problem: WorkProblem): Promise<string> => {
  const catalog = await catalogFor(DEFAULT_LOCALE);
  const translate = (key: string, params?: Record<string, string>): string => catalog.translate(key, params);
  switch (problem.problem) {
    case 'bad-call':
      return translate('work.jql.badCall');
    case 'unknown-key-result':
      return translate('work.jql.unknownKeyResult', { id: problem.id });
    case 'unknown-objective':
      return translate('work.jql.unknownObjective', { id: problem.id });
  }
};
