import { view } from '@forge/bridge';
import type { Band } from '../../../../src/contract';
import { TRACKS } from '../../components/format';
import type { AdminSection } from '../admin/sections';
import { isAdminSection } from '../admin/sections';
import type { BoardFilters } from './filters';
import { NO_FILTERS } from './filters';

/**
 * The board's place in the page URL (Jira shows it after the app's address), so a reload, a shared link
 * or Back returns to what people were looking at: `/cycles/<cycleId>?objective=<id>&team=<id>
 * &owner=<accountId>&band=red&status=behind&findings=1&q=<text>&settings=teams`. `objective` is the selected objective
 * (its side panel open): what links from other views land on (objectivePath). Only the part of Forge's createHistory() object (history v4, as Forge documents
 * it) that the board uses.
 */
export interface RouteLocation {
  readonly pathname: string;
  readonly search: string;
}
export interface RouteHistory {
  readonly location: RouteLocation;
  push(to: RouteLocation): void;
  replace(to: RouteLocation): void;
  listen(listener: (location: RouteLocation) => void): () => void;
}

/** What the URL holds: the cycle (undefined: the default one), the selected objective and the filters. */
export interface BoardRoute {
  readonly cycleId: string | undefined;
  /** The objective whose detail the side panel shows; undefined: none selected. */
  readonly objectiveId?: string | undefined;
  readonly filters: BoardFilters;
  /** `?settings=<section>`: the settings view open over the board (OKR admins who cannot open Jira's admin area). */
  readonly settings?: AdminSection | undefined;
}

const CYCLE_ROUTE = /^\/cycles\/([^/]+)\/?$/;
const BANDS: readonly (Band | 'none')[] = ['green', 'yellow', 'red', 'none'];

/** Reads a route; anything it does not recognise (an unknown band, say) is left at its default. */
export const parseRoute = (location: RouteLocation | undefined): BoardRoute => {
  if (location === undefined) return { cycleId: undefined, filters: NO_FILTERS };
  const match = CYCLE_ROUTE.exec(location.pathname)?.[1];
  const query = new URLSearchParams(location.search);
  const band = query.get('band');
  const objectiveId = query.get('objective') ?? '';
  const settings = query.get('settings');
  return {
    cycleId: match === undefined ? undefined : decodeURIComponent(match),
    objectiveId: objectiveId === '' ? undefined : objectiveId,
    ...(isAdminSection(settings) ? { settings } : {}),
    filters: {
      teamId: query.get('team') ?? '',
      ownerId: query.get('owner') ?? '',
      band: BANDS.find((b) => b === band) ?? '',
      // The list, not the contract's zod enum: the router is in the board's entry chunk, kept free of zod.
      track: TRACKS.find((t) => t === query.get('status')) ?? '',
      forecast: query.get('forecast') === 'disagrees',
      hasFindings: query.get('findings') === '1',
      text: query.get('q') ?? '',
    },
  };
};

/** The location of a route: only the filters that are set appear in the query. */
export const locationOf = (route: BoardRoute): RouteLocation => {
  const query = new URLSearchParams();
  const f = route.filters;
  if (route.objectiveId !== undefined) query.set('objective', route.objectiveId);
  if (f.teamId !== '') query.set('team', f.teamId);
  if (f.ownerId !== '') query.set('owner', f.ownerId);
  if (f.band !== '') query.set('band', f.band);
  if (f.track !== '') query.set('status', f.track);
  if (f.forecast) query.set('forecast', 'disagrees');
  if (f.hasFindings) query.set('findings', '1');
  if (f.text.trim() !== '') query.set('q', f.text.trim());
  if (route.settings !== undefined) query.set('settings', route.settings);
  const search = query.toString();
  return {
    pathname: route.cycleId === undefined ? '/' : `/cycles/${encodeURIComponent(route.cycleId)}`,
    search: search === '' ? '' : `?${search}`,
  };
};

/**
 * The board's path (what router.navigate's module target takes as `path`) that opens the board on an
 * objective: its cycle (else the current one), the objective selected, its detail in the side panel.
 */
export const objectivePath = (objectiveId: string, cycleId?: string): string => {
  const to = locationOf({ cycleId, objectiveId, filters: NO_FILTERS });
  return `${to.pathname}${to.search}`;
};

const isHistory = (value: unknown): value is RouteHistory =>
  typeof value === 'object' &&
  value !== null &&
  'location' in value &&
  'push' in value &&
  typeof value.push === 'function' &&
  'replace' in value &&
  typeof value.replace === 'function' &&
  'listen' in value &&
  typeof value.listen === 'function';

/** The page's history, or undefined where the host offers none (the board then works without URLs). */
export const startHistory = (): Promise<RouteHistory | undefined> =>
  view.createHistory().then(
    (history: unknown) => (isHistory(history) ? history : undefined),
    () => undefined,
  );
