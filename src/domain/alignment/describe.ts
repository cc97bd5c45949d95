import type { Objective } from '../../contract';

/** Error messages name objectives by their title: users recognise titles, never ids. */
export const quoted = (o: Pick<Objective, 'title'>): string => `"${o.title}"`;

/** `"A" -> "B"`, where each arrow reads "aligns to". */
export const chain = (objectives: readonly Pick<Objective, 'title'>[]): string => objectives.map(quoted).join(' -> ');

/** A loop written so it visibly closes: `"A" -> "B" -> "A"`. */
export const loopText = (loop: readonly Pick<Objective, 'title'>[]): string => chain([...loop, ...loop.slice(0, 1)]);
