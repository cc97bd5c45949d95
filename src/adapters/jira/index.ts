import type { Clock, JiraGateway } from '../../usecases/ports';
import { createJiraClient } from './jira-client';
import { createJiraGateway } from './jira-gateway';

/** Forge stops resolvers and product triggers at 25 s; we stop calling Jira a little before. */
export const INVOCATION_BUDGET_MS = 23_000;

/** A gateway for one invocation, with its own time budget and admin cache. */
export const jiraGatewayFor = (clock: Clock, budgetMs: number = INVOCATION_BUDGET_MS): JiraGateway =>
  createJiraGateway(createJiraClient({ clock, deadlineMs: clock.now().getTime() + budgetMs }));
