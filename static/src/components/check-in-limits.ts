/**
 * The check-in form's text limit: CheckInSchema's note and blockers (src/contract/model.ts,
 * optionalText(2000)). Restated so the views that check in do not load zod; test/ui/check-in-limits.test.ts
 * holds it to the schema.
 */
export const CHECK_IN_TEXT_LIMIT = 2000;
