import type { Query } from '@atlaskit/jql-ast';
import { JastBuilder, JQLSyntaxError } from '@atlaskit/jql-ast';
import { badRequest } from '../http';

/**
 * Parses JQL with Atlassian's own grammar (@atlaskit/jql-parser's ANTLR parser, via @atlaskit/jql-ast),
 * so anything the real site would call a syntax error is one here too. Returns undefined for an
 * empty query (no WHERE and no ORDER BY).
 */
export const parseJql = (jql: string): Query | undefined => {
  const jast = new JastBuilder().build(jql);
  const [first] = jast.errors;
  if (first) {
    // Jira's wording: "Error in the JQL Query: ... (line 1, character 10)".
    const where =
      first instanceof JQLSyntaxError ? ` (line ${first.line}, character ${first.charPositionInLine + 1})` : '';
    throw badRequest(`Error in the JQL Query: ${first.message}${where}.`);
  }
  return typeof jast.query === 'object' ? jast.query : undefined;
};

/** The text of a node as the user wrote it, for error messages that name the clause. */
export const sourceText = (jql: string, position: [number, number] | null, fallback: string): string =>
  position ? jql.slice(position[0], position[1]) : fallback;
