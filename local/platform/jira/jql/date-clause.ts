import type { Operand } from '@atlaskit/jql-ast';
import { badRequest } from '../http';
import type { IssueRecord } from '../model';

/**
 * `created` and `updated` compared with `=`, `!=`, `>`, `>=`, `<`, `<=` to a date
 * (support.atlassian.com/jira-software-cloud/docs/jql-fields: "yyyy/MM/dd HH:mm", "yyyy-MM-dd HH:mm",
 * "yyyy/MM/dd", "yyyy-MM-dd", or a period relative to now such as "-4w 2d", "-90m").
 * Absolute dates are read as UTC: the emulated site's default time zone. Functions (startOfDay()...)
 * are not emulated. `resolved` (alias `resolutiondate`, the same page's "Resolved" field) is empty while an
 * issue is unresolved, and an empty date matches no comparison, `!=` included, as with every JQL field.
 */

export const DATE_FIELDS: ReadonlyMap<string, (issue: IssueRecord) => string | null> = new Map([
  ['updated', (i: IssueRecord) => i.updated],
  ['updateddate', (i: IssueRecord) => i.updated],
  ['created', (i: IssueRecord) => i.created],
  ['createddate', (i: IssueRecord) => i.created],
  ['resolved', (i: IssueRecord) => i.resolutionDate],
  ['resolutiondate', (i: IssueRecord) => i.resolutionDate],
]);

const UNIT_MS: Readonly<Record<string, number>> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000 };

/** The instant a JQL date literal names, or undefined when it is not one. */
export const parseJqlDate = (literal: string, now: Date): number | undefined => {
  const text = literal.trim();
  const relative = /^([-+])?((?:\d+[wdhm]\s*)+)$/.exec(text);
  if (relative) {
    const sign = relative[1] === '-' ? -1 : 1;
    let ms = 0;
    for (const part of (relative[2] ?? '').matchAll(/(\d+)([wdhm])/g))
      ms += Number(part[1]) * (UNIT_MS[part[2] ?? ''] ?? 0);
    return now.getTime() + sign * ms;
  }
  const absolute = /^(\d{4})[-/](\d{2})[-/](\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text);
  if (!absolute) return undefined;
  const [, y, mo, d, h, mi] = absolute;
  const at = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0));
  return Number.isNaN(at) ? undefined : at;
};

export const compileDate = (
  timeOf: (issue: IssueRecord) => string | null,
  fieldText: string,
  op: string,
  operand: Operand | undefined,
  now: Date,
  unsupported: (reason: string) => Error,
): ((issue: IssueRecord) => boolean) => {
  if (!['=', '!=', '>', '>=', '<', '<='].includes(op)) throw unsupported(`operator '${op}' is not emulated for dates`);
  if (operand?.operandType !== 'value') throw unsupported('dates are emulated as quoted or relative values only');
  const at = parseJqlDate(operand.value, now);
  if (at === undefined) {
    throw badRequest(
      `Date value '${operand.value}' for field '${fieldText}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
    );
  }
  const compare = (t: number): boolean =>
    op === '='
      ? t === at
      : op === '!='
        ? t !== at
        : op === '>'
          ? t > at
          : op === '>='
            ? t >= at
            : op === '<'
              ? t < at
              : t <= at;
  return (issue) => {
    const time = timeOf(issue);
    return time !== null && compare(Date.parse(time));
  };
};
