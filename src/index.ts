/** Switchboard: re-exports exactly the handlers manifest.yml names, grouped by kind. */

// Custom UI resolver (function key `resolver`).
export { handler } from './resolvers';

// Product events and scheduled jobs.
export { onIssueEvent } from './triggers/on-issue-event';
export { weeklyJob } from './triggers/weekly-job';
export { reconcileInitiatives } from './triggers/reconcile-initiatives';

// JQL functions keyResultWork and objectiveWork (jira:jqlFunction, function key `work-jql`).
export { workJql } from './triggers/jql-function';

// Async events (consumer `import-consumer` of queue `cadence-import`; `forecast-consumer` of `cadence-forecasts`).
export { importJob } from './triggers/import-job';
export { forecastJob } from './triggers/forecast-job';
