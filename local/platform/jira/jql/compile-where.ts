import type { Clause, Operand, TerminalClause } from '@atlaskit/jql-ast';
import { badRequest } from '../http';
import type { IssueRecord } from '../model';
import type { AppFragments } from './app-function-calls';
import { fragmentFor } from './app-function-calls';
import { compileDate, DATE_FIELDS } from './date-clause';
import type { JqlField, TextField, ValueField } from './jql-fields';
import { SUPPORTED_JQL_FIELDS } from './jql-fields';
import { parseJql, sourceText } from './parse-jql';
import { queryTerms, textMatches } from './text-match';

/** Compiles a JQL WHERE tree into a predicate over issues; anything not emulated is a 400 naming the clause. */
export type IssuePredicate = (issue: IssueRecord) => boolean;

export interface Compiler {
  jql: string;
  fields: ReadonlyMap<string, JqlField>;
  /** What relative dates (`-1d`) count from: the site's clock. */
  now: Date;
  /** The app's JQL functions in this query, already resolved to their fragments (app-function-calls.ts). */
  appFragments?: AppFragments;
}

const clauseText = (c: Compiler, clause: TerminalClause): string =>
  sourceText(c.jql, clause.position, clause.field.text);

const unsupported = (c: Compiler, clause: TerminalClause, reason: string): Error =>
  badRequest(`The JQL clause '${clauseText(c, clause)}' is not supported by the local Jira site: ${reason}.`);

export const compileWhere = (c: Compiler, clause: Clause): IssuePredicate => {
  switch (clause.clauseType) {
    case 'compound': {
      const parts = clause.clauses.map((child) => compileWhere(c, child));
      return clause.operator.value === 'and'
        ? (issue) => parts.every((p) => p(issue))
        : (issue) => parts.some((p) => p(issue));
    }
    case 'not': {
      const inner = compileWhere(c, clause.clause);
      return (issue) => !inner(issue);
    }
    case 'terminal':
      return compileTerminal(c, clause);
  }
};

const compileTerminal = (c: Compiler, clause: TerminalClause): IssuePredicate => {
  // Jira replaces an app function's whole clause with the fragment it returned (docs: jql-functions).
  const fragment = fragmentFor(c.appFragments, clause);
  if (fragment !== undefined) {
    const where = parseJql(fragment)?.where;
    if (typeof where !== 'object') throw badRequest(`The JQL fragment '${fragment}' is not a condition.`);
    return compileWhere({ ...c, jql: fragment, appFragments: undefined }, where);
  }
  if (clause.field.properties && clause.field.properties.length > 0)
    throw unsupported(c, clause, 'entity properties are not emulated');
  const dateOf = DATE_FIELDS.get(clause.field.value.toLowerCase());
  if (dateOf && clause.predicates.length === 0 && typeof clause.operator === 'object') {
    const operand = typeof clause.operand === 'object' ? clause.operand : undefined;
    return compileDate(dateOf, clause.field.text, clause.operator.value, operand, c.now, (reason) =>
      unsupported(c, clause, reason),
    );
  }
  const field = c.fields.get(clause.field.value.toLowerCase());
  if (!field)
    throw unsupported(c, clause, `field '${clause.field.value}' is not emulated (supported: ${SUPPORTED_JQL_FIELDS})`);
  if (clause.predicates.length > 0) throw unsupported(c, clause, 'history predicates are not emulated');
  if (typeof clause.operator !== 'object') throw unsupported(c, clause, 'a clause needs an operator');
  const operand = typeof clause.operand === 'object' ? clause.operand : undefined;
  return field.kind === 'text'
    ? compileText(c, clause, field, clause.operator.value, operand)
    : compileValue(c, clause, field, clause.operator.value, operand);
};

interface Wanted {
  values: ReadonlySet<string>;
  empty: boolean;
}

const resolveOperand = (
  c: Compiler,
  clause: TerminalClause,
  field: ValueField,
  operand: Operand,
  allowList: boolean,
): Wanted => {
  switch (operand.operandType) {
    case 'keyword':
      return { values: new Set(), empty: true };
    case 'value': {
      const resolved = field.resolve(operand.value, clause.field.text);
      return resolved === 'empty' ? { values: new Set(), empty: true } : { values: new Set(resolved), empty: false };
    }
    case 'function': {
      const fn = field.functions[operand.function.value.toLowerCase()];
      if (!fn || operand.arguments.length > 0) {
        throw unsupported(c, clause, `function '${operand.function.text}()' is not emulated`);
      }
      return { values: new Set(fn()), empty: false };
    }
    case 'list': {
      if (!allowList)
        throw badRequest(
          `The JQL clause '${clauseText(c, clause)}' uses a list with an operator that takes one value.`,
        );
      const parts = operand.values.map((v) => resolveOperand(c, clause, field, v, false));
      return { values: new Set(parts.flatMap((p) => [...p.values])), empty: parts.some((p) => p.empty) };
    }
  }
};

const compileValue = (
  c: Compiler,
  clause: TerminalClause,
  field: ValueField,
  op: string,
  operand: Operand | undefined,
): IssuePredicate => {
  if (!operand) throw unsupported(c, clause, 'a clause needs an operand');
  if (op === 'is' || op === 'is not') {
    if (operand.operandType !== 'keyword')
      throw badRequest(`The operator '${op}' only accepts EMPTY, in the JQL clause '${clauseText(c, clause)}'.`);
    return op === 'is' ? (issue) => field.valuesOf(issue).length === 0 : (issue) => field.valuesOf(issue).length > 0;
  }
  if (!['=', '!=', 'in', 'not in'].includes(op)) throw unsupported(c, clause, `operator '${op}' is not emulated`);
  const wanted = resolveOperand(c, clause, field, operand, op === 'in' || op === 'not in');
  const hits = (values: readonly string[]): boolean => values.some((v) => wanted.values.has(v));
  if (op === '=' || op === 'in') {
    return (issue) => {
      const values = field.valuesOf(issue);
      return values.length === 0 ? wanted.empty : hits(values);
    };
  }
  // As on Jira, != and NOT IN never match issues whose field is empty.
  return (issue) => {
    const values = field.valuesOf(issue);
    return values.length > 0 && !hits(values);
  };
};

const compileText = (
  c: Compiler,
  clause: TerminalClause,
  field: TextField,
  op: string,
  operand: Operand | undefined,
): IssuePredicate => {
  const fieldName = clause.field.text;
  if (op === 'is' || op === 'is not') {
    if (operand?.operandType !== 'keyword')
      throw badRequest(`The operator '${op}' only accepts EMPTY, in the JQL clause '${clauseText(c, clause)}'.`);
    const isEmpty = (issue: IssueRecord): boolean => field.textOf(issue).trim() === '';
    return op === 'is' ? isEmpty : (issue) => !isEmpty(issue);
  }
  if (['=', '!=', 'in', 'not in'].includes(op))
    throw badRequest(`The operator '${op}' is not supported by the '${fieldName}' field.`);
  if (op !== '~' && op !== '!~') throw unsupported(c, clause, `operator '${op}' is not emulated`);
  if (operand?.operandType !== 'value')
    throw unsupported(c, clause, `'${op}' is emulated for a quoted text value only`);
  const terms = queryTerms(operand.value);
  if (terms.length === 0) throw badRequest(`The field '${fieldName}' does not support searching for an empty string.`);
  return op === '~'
    ? (issue) => textMatches(field.textOf(issue), terms)
    : (issue) => !textMatches(field.textOf(issue), terms);
};
