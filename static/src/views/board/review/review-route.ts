import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { BoardStart } from '../board-start';
import type { RouteHistory, RouteLocation } from '../board-route';
import { parseRoute } from '../board-route';

/**
 * The grading view's place in the page URL: `/cycles/<cycleId>?review=<teamId>` (or `review=company` for
 * the company's own objectives, `review=1` to let the view pick the viewer's team). A reload, a shared
 * link or Back returns to the same team's review; every other part of the URL is kept, so closing the
 * review returns to the board as it was.
 */
export const COMPANY = 'company';
const PICK = '1';

export interface ReviewRoute {
  readonly cycleId: string | undefined;
  /** The team reviewed; `company` for objectives of no team; undefined: the view picks one. */
  readonly team: string | undefined;
}

/** The review a location names, or undefined when it names none. */
export const reviewOf = (location: RouteLocation): ReviewRoute | undefined => {
  const value = new URLSearchParams(location.search).get('review');
  if (value === null || value === '') return undefined;
  return { cycleId: parseRoute(location).cycleId, team: value === PICK ? undefined : value };
};

/**
 * The location showing `review` (or closing it: undefined), everything else of `from` kept; `cycleId`
 * (else the review's) becomes the board's cycle, so closing a review can land on another cycle.
 */
export const withReview = (from: RouteLocation, review: ReviewRoute | undefined, cycleId?: string): RouteLocation => {
  const query = new URLSearchParams(from.search);
  if (review === undefined) query.delete('review');
  else query.set('review', review.team ?? PICK);
  const search = query.toString();
  const cycle = cycleId ?? review?.cycleId;
  const pathname = cycle === undefined ? from.pathname : `/cycles/${encodeURIComponent(cycle)}`;
  return { pathname, search: search === '' ? '' : `?${search}` };
};

/** The team id review.get takes for a route's team (undefined: the company's own). */
export const teamIdOf = (team: string): string | undefined => (team === COMPANY ? undefined : team);

/** `?review=` of the page URL, followed both ways (Back closes the review, Forward opens it again). */
export const useReviewRoute = (
  start: BoardStart,
): {
  review: ReviewRoute | undefined;
  go: (next: ReviewRoute | undefined, how: 'push' | 'replace', cycleId?: string) => void;
} => {
  const [review, setReview] = useState<ReviewRoute | undefined>(undefined);
  const history = useRef<RouteHistory | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let unlisten: (() => void) | undefined;
    void start.route.then(({ history: h }) => {
      if (!live || h === undefined) return;
      history.current = h;
      setReview(reviewOf(h.location));
      unlisten = h.listen((location) => {
        setReview(reviewOf(location));
      });
    });
    return () => {
      live = false;
      unlisten?.();
    };
  }, [start]);
  const go = useCallback((next: ReviewRoute | undefined, how: 'push' | 'replace', cycleId?: string) => {
    setReview(next);
    const h = history.current;
    if (h !== undefined) h[how](withReview(h.location, next, cycleId));
  }, []);
  return { review, go };
};

/** How the cycle bar opens a cycle's review without knowing the URL (board-app provides it). */
export const ReviewOpener = createContext<((cycleId: string) => void) | undefined>(undefined);
export const useReviewOpener = (): ((cycleId: string) => void) | undefined => useContext(ReviewOpener);
