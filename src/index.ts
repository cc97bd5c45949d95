/** Switchboard: re-exports exactly the handlers manifest.yml names, grouped by kind. */

// Custom UI resolver (function key `resolver`).
export { handler } from './resolvers';

// Product events and scheduled jobs.
export { onIssueEvent } from './triggers/on-issue-event';
export { weeklyJob } from './triggers/weekly-job';
export { reconcileInitiatives } from './triggers/reconcile-initiatives';

// Async events (consumer `import-consumer` of queue `cadence-import`).
export { importJob } from './triggers/import-job';
