import { startContext } from '../../app/context';
import { loadChunkWords, prefetchChunkWords } from '../../app/chunk-words';
import { t } from '../../app/i18n';
import { startBoard } from './board-start';
import { BOARD_MARKS, markOnce } from './perf-marks';

/**
 * The board's entry is deliberately small: it starts the bridge calls the first render waits for
 * (theming and context, me.get, cycles.list, then board.get), then imports React and the board. Bridge
 * calls travel through the host page (postMessage) and leave only when the frame's current task ends,
 * so evaluating React first would hold every one of them back; split this way they are on the wire
 * while the app chunk downloads and evaluates. bench/board-render.mjs counts both chunks as initial.
 */
// The board's words start downloading beside the catalog, once the context names the language.
const context = startContext((locale) => {
  prefetchChunkWords('board', locale);
});
void context.then(() => {
  markOnce(BOARD_MARKS.context);
});
const start = startBoard();
// The board's words (chunk words) are added once the catalog is in (startI18n replaces the catalog).
// A context that fails is renderBoard's to report; words that fail to load fail the board like its chunk.
const words = context.then(
  () => loadChunkWords('board'),
  () => undefined,
);
/**
 * How long the board, once loaded, waits for its first board.get before it renders without it: an answer
 * within this shows the rows in the first render, with no "Loading" flashing past and no render thrown
 * away; a slower one gets the loading state.
 */
const LOADING_GRACE_MS = 150;
Promise.all([import('./board-app'), words]).then(
  ([{ renderBoard }]) => {
    markOnce(BOARD_MARKS.app);
    void Promise.race([start.firstAnswered, new Promise((wait) => setTimeout(wait, LOADING_GRACE_MS))]).then(() => {
      renderBoard(start, context);
    });
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    // In the user's language once the catalog is in (it loads in this chunk, beside the failed one).
    void context
      .catch(() => undefined)
      .then(() => {
        const root = document.getElementById('root');
        if (root) root.textContent = t('board.load.appError', { error: message });
      });
  },
);
