import type { Signal } from '../../components/status';
import type { BoardKeyResult } from '../../../../src/contract';

/**
 * What a row can ask the board to do. One stable object for every row, so memoised rows re-render
 * only when their own data changes, not when the board re-renders around them.
 */
export interface BoardActions {
  /** Which signal speaks on the rows: pace mid-cycle, grades in review (components/status.tsx). */
  readonly signal: Signal;
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

/** Row heights per kind (px), matching board.css: fixed, so the virtualiser never measures the DOM. */
export const ROW_HEIGHT = { objective: 52, keyResult: 44 } as const;
