import type { z } from 'zod';
import type { PlatformResponse } from '../types';

/** An error the real site answers with a status and Jira's `{errorMessages, errors}` body. */
export class JiraHttpError extends Error {
  override readonly name = 'JiraHttpError';
  constructor(
    readonly status: number,
    readonly errorMessages: string[],
    readonly errors: Record<string, string> = {},
  ) {
    super(errorMessages.join(' '));
  }
}

/** Jira's one message for "missing" and "not allowed", so existence never leaks. */
export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

export const badRequest = (message: string): JiraHttpError => new JiraHttpError(400, [message]);

export const jsonResponse = (status: number, body: unknown): PlatformResponse => ({
  status,
  headers: { 'content-type': 'application/json;charset=UTF-8' },
  body: JSON.stringify(body),
});

export const errorResponse = (error: JiraHttpError): PlatformResponse =>
  jsonResponse(error.status, { errorMessages: error.errorMessages, errors: error.errors });

/** Turns a zod failure on request input into Jira's 400 shape, one message per problem. */
export const invalidInput = (error: z.ZodError): JiraHttpError =>
  new JiraHttpError(
    400,
    error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)),
  );
