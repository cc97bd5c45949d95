import type { ForgeContext } from '../../app/context';
import { mount } from '../../app/mount';
import { BoardPage } from './board-page';
import type { BoardStart } from './board-start';

/** React and the board, loaded by main.tsx once it has started the first calls. */
export const renderBoard = (start: BoardStart, context: Promise<ForgeContext>): void => {
  mount(() => <BoardPage start={start} />, context);
};
