import type { IssueJson } from './render-issue';

/**
 * Product event payloads as Forge delivers them to `avi:jira:*:issue` triggers. Declared as type
 * aliases (not interfaces) so they are assignable to `Record<string, unknown>`, which is how the
 * runtime's trigger host accepts events.
 */

export interface ChangelogItem {
  field: string;
  fieldtype: 'jira';
  fieldId: string;
  /** Ids (or account ids); null when the value was empty. */
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

// A type alias on purpose: interfaces get no implicit index signature (see above).
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
type EventBase = {
  selfGenerated: false;
  issue: IssueJson;
  /** The acting user; absent when an admin change names no actor. */
  atlassianId?: string;
  jiraEventTypeName?: string;
};

export type IssueCreatedEvent = EventBase & { eventType: 'avi:jira:created:issue' };

export type IssueUpdatedEvent = EventBase & {
  eventType: 'avi:jira:updated:issue';
  changelog: { id: string; items: ChangelogItem[] };
  /** Present when the status changed: the statuses before and after. */
  associatedStatuses?: { id: string; name: string }[];
};

export type IssueDeletedEvent = EventBase & { eventType: 'avi:jira:deleted:issue' };

export type JiraIssueEvent = IssueCreatedEvent | IssueUpdatedEvent | IssueDeletedEvent;

export type JiraEventListener = (event: JiraIssueEvent) => void;

/**
 * Delivers events to listeners. Inside `batch` (a database transaction) events wait until the
 * outermost batch commits and are dropped if it throws, so listeners never see a rolled-back change.
 */
export interface EventBus {
  on(listener: JiraEventListener): () => void;
  /** Builds and sends an event, or skips building it when nobody would receive it. */
  emit(build: () => JiraIssueEvent): void;
  batch<T>(run: () => T): T;
  /** Runs `run` with events discarded (history that predates the app's installation). */
  silently<T>(run: () => T): T;
}

export const createEventBus = (): EventBus => {
  const listeners = new Set<JiraEventListener>();
  let depth = 0;
  let silenced = 0;
  let pending: JiraIssueEvent[] = [];

  const deliver = (events: readonly JiraIssueEvent[]): void => {
    const failures: unknown[] = [];
    for (const event of events) {
      for (const listener of [...listeners]) {
        try {
          // Each listener gets its own copy, as each trigger invocation gets its own payload.
          listener(structuredClone(event));
        } catch (error) {
          failures.push(error);
        }
      }
    }
    // Fakes fail loudly; the change itself is already committed.
    if (failures.length > 0)
      throw new AggregateError(failures, 'a Jira event listener failed after the change was committed');
  };

  return {
    on: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (build) => {
      // Rendering a payload costs more than the change itself; bulk seeding relies on skipping it.
      if (silenced > 0 || listeners.size === 0) return;
      const event = build();
      if (depth > 0) pending.push(event);
      else deliver([event]);
    },
    batch: (run) => {
      depth += 1;
      let result: ReturnType<typeof run>;
      try {
        result = run();
      } catch (error) {
        depth -= 1;
        if (depth === 0) pending = [];
        throw error;
      }
      depth -= 1;
      if (depth > 0) return result;
      const events = pending;
      pending = [];
      deliver(events);
      return result;
    },
    silently: (run) => {
      silenced += 1;
      try {
        return run();
      } finally {
        silenced -= 1;
      }
    },
  };
};
