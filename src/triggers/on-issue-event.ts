import { composeDeps } from '../app/compose';
import { handleIssueEvent } from '../usecases/handle-issue-event';

/**
 * avi:jira:created|updated|deleted:issue: refreshes the cached progress of the linked epics the event
 * concerns (the issue itself, its parent, or its old and new parent when re-parented). Failures are
 * logged, not thrown: the daily reconcile catches up.
 */
export const onIssueEvent = async (event: unknown): Promise<{ statusCode: number }> => {
  try {
    await handleIssueEvent(composeDeps(), event);
    return { statusCode: 204 };
  } catch (error) {
    console.error('issue event not applied; the reconcile job will catch up', error);
    return { statusCode: 500 };
  }
};
