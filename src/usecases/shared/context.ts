import type { Actor, Deps } from '../ports';

/** What every use case receives: the ports, and the acting user from the invocation context. */
export interface Ctx extends Deps {
  actor: Actor;
}
