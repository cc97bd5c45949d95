import { z } from 'zod';
import { evaluateExpression, JiraExpressionError } from './expression/evaluate';
import { JiraExpressionUnsupported } from './expression/lexer';
import type { Node } from './expression/parser';
import { parseExpression } from './expression/parser';

/**
 * A trigger's `filter`, applied before the app is invoked, as Forge does
 * (developer.atlassian.com/platform/forge/manifest-reference/modules/trigger "Filter reference";
 * /platform/forge/events-reference/product_events "Filter out Atlassian app events"):
 * - `ignoreSelf: true` drops events the app caused (`selfGenerated`);
 * - `expression` (at most 10,000 characters) sees the payload as `event` and must evaluate to a
 *   Boolean: true delivers, false drops, anything else (or an evaluation error) is an error;
 * - `onError` (only with `expression`): IGNORE_AND_LOG (default) drops and logs, IGNORE drops,
 *   RECEIVE_AND_LOG delivers and logs, RECEIVE delivers. Forge adds error details to a received
 *   payload under a name its docs do not give, so the emulator leaves the payload as it is.
 * The expression is parsed when the runtime starts, as `forge deploy` analyses it: syntax outside the
 * emulated subset fails loudly then, naming the trigger and the syntax.
 */

const MAX_EXPRESSION_CHARS = 10_000;

const FilterSchema = z
  .object({
    ignoreSelf: z.boolean().optional(),
    expression: z.string().min(1).max(MAX_EXPRESSION_CHARS).optional(),
    onError: z.enum(['IGNORE', 'IGNORE_AND_LOG', 'RECEIVE', 'RECEIVE_AND_LOG']).optional(),
  })
  .loose()
  .refine((f) => f.onError === undefined || f.expression !== undefined, {
    message: 'filter.onError can be used only with filter.expression',
  });

export interface FilterDecision {
  deliver: boolean;
  /** What Forge would publish to the app's logs (expression errors under *_AND_LOG). */
  log?: string;
}

export interface TriggerFilter {
  decide(event: Readonly<Record<string, unknown>>): FilterDecision;
}

export class TriggerFilterInvalid extends Error {
  override readonly name = 'TriggerFilterInvalid';
}

export const compileTriggerFilter = (triggerKey: string, raw: unknown): TriggerFilter => {
  const parsed = FilterSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new TriggerFilterInvalid(`trigger '${triggerKey}': ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  const filter = parsed.data;
  let tree: Node | undefined;
  if (filter.expression !== undefined) {
    try {
      tree = parseExpression(filter.expression);
    } catch (error) {
      if (error instanceof JiraExpressionUnsupported) {
        throw new TriggerFilterInvalid(`trigger '${triggerKey}' filter.expression: ${error.message}`);
      }
      throw error;
    }
  }
  const onError = filter.onError ?? 'IGNORE_AND_LOG';

  return {
    decide(event) {
      if (filter.ignoreSelf === true && event.selfGenerated === true) return { deliver: false };
      if (tree === undefined) return { deliver: true };
      let problem: string;
      try {
        const value = evaluateExpression(tree, { event });
        if (typeof value === 'boolean') return { deliver: value };
        problem = `the expression evaluated to ${value === null || value === undefined ? 'null' : typeof value}, not a Boolean`;
      } catch (error) {
        // An unsupported method is the emulator's gap, not an event-time outcome: fail loudly.
        if (!(error instanceof JiraExpressionError)) throw error;
        problem = error.message;
      }
      const deliver = onError === 'RECEIVE' || onError === 'RECEIVE_AND_LOG';
      const logs = onError === 'IGNORE_AND_LOG' || onError === 'RECEIVE_AND_LOG';
      const log = `trigger '${triggerKey}' filter expression failed for ${String(event.eventType)}: ${problem}`;
      return logs ? { deliver, log } : { deliver };
    },
  };
};
