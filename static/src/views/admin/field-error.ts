/** The backend's message for a field or anything inside it (`memberAccountIds.3` counts as `memberAccountIds`). */
export const fieldError = (fields: ReadonlyMap<string, string>, field: string): string | undefined => {
  for (const [path, message] of fields) if (path === field || path.startsWith(`${field}.`)) return message;
  return undefined;
};
