import { use } from 'react';
import type { ChunkArea } from './chunk-words';
import { loadChunkWords } from './chunk-words';

/**
 * Suspends the calling component until its area's words are in (the nearest <Suspense> shows meanwhile).
 * Apart from chunk-words.ts so that the board's entry, which loads words before React, does not wait
 * for React's chunk to start its calls.
 */
export const useChunkWords = (area: ChunkArea): void => {
  use(loadChunkWords(area));
};
