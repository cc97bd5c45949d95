import type { Signal } from '../../components/status';
import type { BoardKeyResult } from '../../../../src/contract';

/**
 * What a row can ask the board to do. One stable object for every row, so memoised rows re-render
 * only when their own data changes, not when the board re-renders around them.
 */
export interface BoardActions {
  /** Which signal speaks on the rows: pace mid-cycle, grades in review (components/status.tsx). */
  readonly signal: Signal;
  /** The cycle on the board (links that open a new tab name it). */
  readonly cycleId: string | undefined;
  readonly toggleExpanded: (objectiveId: string) => void;
  readonly toggleKeyResults: (objectiveId: string) => void;
  readonly openObjective: (objectiveId: string) => void;
  readonly editObjective: (objectiveId: string) => void;
  readonly addKeyResult: (objectiveId: string) => void;
  readonly checkIn: (objectiveId: string, keyResult: BoardKeyResult) => void;
  readonly retryKeyResults: (objectiveId: string) => void;
  /** Loads the next page of a node's children (of the roots without an id), or retries a failed one. */
  readonly loadMore: (objectiveId: string | undefined) => void;
}

/** Indentation per tree level, in px: enough to read the cascade, small enough for deep chains. */
export const INDENT = 20;

/**
 * Row heights per kind (px), matching board.css: fixed, so the virtualiser never measures the DOM.
 * Tall enough for a title on two lines (objective: and its context line below).
 */
export const ROW_HEIGHT = { objective: 64, keyResult: 52 } as const;

/** Objectives per board.children page (the backend's CHILDREN_PAGE, usecases/shared/board-window.ts). */
export const CHILDREN_PAGE = 100;
