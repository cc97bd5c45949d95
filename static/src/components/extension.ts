/**
 * The bridge types `context.extension` as `{[k: string]: any}`; these read it as `unknown`, narrowing
 * each step, so a host that sends a different shape gives `undefined` rather than a crash.
 */
export const asRecord = (value: unknown): Readonly<Record<string, unknown>> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

export const valueAt = (value: unknown, ...path: string[]): unknown => {
  let current: unknown = value;
  for (const key of path) current = asRecord(current)?.[key];
  return current;
};

export const stringAt = (value: unknown, ...path: string[]): string | undefined => {
  const found = valueAt(value, ...path);
  return typeof found === 'string' ? found : undefined;
};

export const booleanAt = (value: unknown, ...path: string[]): boolean => valueAt(value, ...path) === true;
