import { view } from '@forge/bridge';

/**
 * The board's place in the page URL: `/cycles/<cycleId>` (Jira shows it after the app's address), so a
 * reload, a shared link or Back returns to the cycle people were looking at. Only the part of Forge's
 * createHistory() object (history v4, as Forge documents it) that the board uses.
 */
export interface RouteLocation {
  readonly pathname: string;
}
export interface RouteHistory {
  readonly location: RouteLocation;
  push(to: { pathname: string }): void;
  listen(listener: (location: RouteLocation) => void): () => void;
}

const CYCLE_ROUTE = /^\/cycles\/([^/]+)\/?$/;

/** The cycle id in a route, if it names one. */
export const cycleIdInRoute = (location: RouteLocation | undefined): string | undefined => {
  const match = location === undefined ? null : CYCLE_ROUTE.exec(location.pathname);
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
};

export const cycleRoute = (cycleId: string): { pathname: string } => ({ pathname: `/cycles/${encodeURIComponent(cycleId)}` });

const isHistory = (value: unknown): value is RouteHistory =>
  typeof value === 'object' &&
  value !== null &&
  'location' in value &&
  'push' in value &&
  typeof value.push === 'function' &&
  'listen' in value &&
  typeof value.listen === 'function';

/** The page's history, or undefined where the host offers none (the board then works without URLs). */
export const startHistory = (): Promise<RouteHistory | undefined> =>
  view.createHistory().then(
    (history: unknown) => (isHistory(history) ? history : undefined),
    () => undefined,
  );
