import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { JiraAdminError } from '../platform/jira';
import { createIssueInput, deleteIssueInput, updateIssueInput } from '../platform/jira/admin-issues';
import type { HostState } from './host-state';
import { HttpError, isFormPost, parseJsonBody, parseWith, readBody, redirect, sendJson } from './http-util';
import { hrefFor } from './links';
import { NO_RESOLUTION } from './pages/admin-page';
import { viewerFor } from './viewer';

/**
 * The site admin JSON API (`/admin/api/...`), also the target of the /admin page's forms. Every change
 * goes through the emulated site's admin API, which fires the app's product-event triggers as Jira
 * would; the answer waits for `runtime.whenIdle()` so whatever the triggers changed is visible.
 */
export interface AdminRequest {
  state: HostState;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
}

const JsonObject = z.record(z.string(), z.unknown());

/** Form fields arrive as strings: blanks mean "not given", except where a blank clears the field. */
const fromForm = (form: URLSearchParams, kind: 'create' | 'update' | 'delete'): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key === 'resolution' && value === NO_RESOLUTION) out[key] = null;
    else if (key === 'parent' && kind === 'update') out[key] = value.trim() === '' ? null : value.trim();
    else if (value.trim() !== '') out[key] = value.trim();
  }
  return out;
};

const readInput = async (
  req: IncomingMessage,
  kind: 'create' | 'update' | 'delete',
): Promise<Record<string, unknown>> => {
  const text = await readBody(req);
  if (isFormPost(req)) return fromForm(new URLSearchParams(text), kind);
  if (text.trim() === '') return {};
  return parseWith(JsonObject, parseJsonBody(text), 'request body');
};

/** Answers a form with a redirect back to /admin (notice or error), anything else with JSON. */
const answer = (r: AdminRequest, status: number, value: unknown, notice: string): void => {
  if (isFormPost(r.req)) {
    redirect(r.res, hrefFor('/admin', viewerFor(r.state.runtime.site, r.url), { notice }));
    return;
  }
  sendJson(r.res, status, value);
};

/** Admin changes the site refuses (unknown parent, impossible hierarchy...) are the caller's 400. */
const asSite = <T>(run: () => T): T => {
  try {
    return run();
  } catch (e) {
    if (e instanceof JiraAdminError) throw new HttpError(400, 'INVALID_CHANGE', e.message);
    throw e;
  }
};

const requireIssueKey = (state: HostState, key: string): string => {
  const issue = state.runtime.site.getIssue(key);
  if (!issue) throw new HttpError(404, 'NOT_FOUND', `no issue '${key}' on the local Jira site`);
  return issue.key;
};

export const listIssues = (r: AdminRequest): void => {
  sendJson(r.res, 200, r.state.runtime.site.listIssues());
};

export const listUsers = (r: AdminRequest): void => {
  sendJson(r.res, 200, r.state.runtime.site.listUsers());
};

/** The emails apps asked the site to send (issue notify), newest first. */
export const listNotifications = (r: AdminRequest): void => {
  sendJson(r.res, 200, r.state.runtime.site.listNotifications());
};

export const listProjects = (r: AdminRequest): void => {
  sendJson(r.res, 200, r.state.runtime.site.listProjects());
};

export const createIssue = async (r: AdminRequest): Promise<void> => {
  const input = parseWith(createIssueInput, await readInput(r.req, 'create'), 'issue');
  const issue = asSite(() => r.state.runtime.site.createIssue(input));
  await r.state.runtime.whenIdle();
  answer(r, 201, r.state.runtime.site.getIssue(issue.key) ?? issue, `Created ${issue.key}`);
};

export const updateIssue = async (r: AdminRequest, key: string): Promise<void> => {
  const input = parseWith(updateIssueInput, await readInput(r.req, 'update'), 'issue change');
  const issue = asSite(() => r.state.runtime.site.updateIssue(requireIssueKey(r.state, key), input));
  await r.state.runtime.whenIdle();
  answer(r, 200, r.state.runtime.site.getIssue(issue.key) ?? issue, `Updated ${issue.key}`);
};

export const deleteIssue = async (r: AdminRequest, key: string): Promise<void> => {
  const input = parseWith(deleteIssueInput, await readInput(r.req, 'delete'), 'issue deletion');
  const issueKey = requireIssueKey(r.state, key);
  asSite(() => {
    r.state.runtime.site.deleteIssue(issueKey, input);
  });
  await r.state.runtime.whenIdle();
  answer(r, 200, { deleted: issueKey }, `Deleted ${issueKey}`);
};

/** Runs a scheduled trigger now; a failed run answers 500 with the trigger's outcome. */
export const runTrigger = async (r: AdminRequest, key: string): Promise<void> => {
  await readBody(r.req);
  if (!r.state.runtime.manifest.modules.scheduledTrigger.some((t) => t.key === key)) {
    throw new HttpError(404, 'NOT_FOUND', `manifest.yml declares no scheduled trigger '${key}'`);
  }
  const outcome = await r.state.runtime.app.runScheduledTrigger(key);
  await r.state.runtime.whenIdle();
  answer(
    r,
    outcome.ok ? 200 : 500,
    outcome,
    outcome.ok ? `Ran ${key}` : `${key} failed: ${outcome.error ?? 'unknown error'}`,
  );
};
