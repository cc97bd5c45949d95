/**
 * JQL's `~` for the local site: case-insensitive word containment. Every word of the query must occur
 * as a word of the text; a trailing `*` makes a word a prefix (`onboard*`). Jira adds stemming and
 * phrase search on top; the local site does not.
 */
const TERM = /[\p{L}\p{N}]+\*?/gu;
const WORD = /[\p{L}\p{N}]+/gu;

export const queryTerms = (query: string): string[] => [...query.toLowerCase().matchAll(TERM)].map((m) => m[0]);

export const textMatches = (text: string, terms: readonly string[]): boolean => {
  const words = new Set([...text.toLowerCase().matchAll(WORD)].map((m) => m[0]));
  return terms.every((term) => {
    if (!term.endsWith('*')) return words.has(term);
    const prefix = term.slice(0, -1);
    return [...words].some((w) => w.startsWith(prefix));
  });
};
