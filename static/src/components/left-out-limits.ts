/**
 * The limits of a "not this cycle" item, held to the contract's LeftOutSchema (title trimmedText(200),
 * why optionalText(1000)) by test/ui/left-out-limits.test.ts, without loading zod in the views.
 */
export const LEFT_OUT_TITLE_LIMIT = 200;
export const LEFT_OUT_WHY_LIMIT = 1000;
