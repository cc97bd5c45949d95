import type { Band } from '../../../src/contract';
import { BAND_WORDS } from './format';
import { Lozenge } from './lozenge';
import type { LozengeAppearance } from './lozenge';

const APPEARANCE: Readonly<Record<Band, LozengeAppearance>> = { red: 'removed', yellow: 'moved', green: 'success' };

/** A score band as a lozenge in its colour, in words ("at risk"), so colour is never the only signal. */
export function BandLozenge({ band }: { band: Band | null }) {
  if (band === null) return <Lozenge>No score</Lozenge>;
  return <Lozenge appearance={APPEARANCE[band]}>{BAND_WORDS[band]}</Lozenge>;
}
