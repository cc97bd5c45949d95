import type { Cycle, Me } from '../../../../src/contract';
import type { BoardIndex } from './board-index';
import type { PanelState } from './panel-state';

/** What every panel body gets from the board. */
export interface PanelProps {
  readonly panel: PanelState;
  /** The cycle on the board; undefined only for the cycle form before any cycle exists. */
  readonly cycle: Cycle | undefined;
  readonly index: BoardIndex | undefined;
  readonly me: Me | undefined;
  readonly open: (panel: PanelState) => void;
  readonly close: () => void;
  /** Something was saved: the board reloads, and `next` (if given) is shown in the panel. */
  readonly saved: (next?: PanelState) => void;
  /** A cycle was created or changed: the cycle list reloads and the board shows that cycle. */
  readonly cycleSaved: (cycle: Cycle) => void;
}
