/** Jira's REST timestamp format: `2026-01-05T09:00:00.000+0000` (always UTC here). */
export const formatJiraTime = (iso: string): string => `${new Date(iso).toISOString().slice(0, 23)}+0000`;

export const toIso = (date: Date): string => date.toISOString();
