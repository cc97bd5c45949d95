import { z } from 'zod';

/**
 * The subset of Forge display conditions the host evaluates for issue-view modules, read from the
 * manifest so the local issue view shows a panel exactly where Jira would. A condition the host cannot
 * evaluate throws, naming it, rather than silently showing or hiding the panel.
 */
export interface IssueFacts {
  issueTypeName: string;
  hierarchyLevel: number;
}

const Conditions = z.record(z.string(), z.unknown());
const WithConditions = z.object({ displayConditions: Conditions.optional() }).loose();

const jiraExpression = (expression: string, issue: IssueFacts): boolean => {
  const level = /^\s*issue\.issueType\.hierarchyLevel\s*==\s*(-?\d+)\s*$/.exec(expression);
  if (level?.[1] !== undefined) return issue.hierarchyLevel === Number(level[1]);
  const name = /^\s*issue\.issueType\.name\s*==\s*['"]([^'"]+)['"]\s*$/.exec(expression);
  if (name?.[1] !== undefined) return issue.issueTypeName === name[1];
  throw new Error(`display condition jiraExpression '${expression}' is not emulated by the local host`);
};

const one = (key: string, value: unknown, issue: IssueFacts): boolean => {
  switch (key) {
    case 'issueType': {
      const names = z.union([z.string(), z.array(z.string())]).parse(value);
      return (Array.isArray(names) ? names : [names]).includes(issue.issueTypeName);
    }
    case 'jiraExpression':
      return jiraExpression(z.string().parse(value), issue);
    case 'and':
      return Object.entries(Conditions.parse(value)).every(([k, v]) => one(k, v, issue));
    case 'or':
      return Object.entries(Conditions.parse(value)).some(([k, v]) => one(k, v, issue));
    case 'not':
      return !Object.entries(Conditions.parse(value)).every(([k, v]) => one(k, v, issue));
    default:
      throw new Error(`display condition '${key}' is not emulated by the local host`);
  }
};

/** True when the module (a manifest entry, parsed loosely) should show on this issue. */
export const showsOnIssue = (module: unknown, issue: IssueFacts): boolean => {
  const conditions = WithConditions.parse(module).displayConditions;
  if (conditions === undefined) return true;
  // Top-level keys must all hold, as in Forge.
  return Object.entries(conditions).every(([k, v]) => one(k, v, issue));
};
