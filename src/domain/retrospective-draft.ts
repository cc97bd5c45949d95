import type { BandConfig, Confidence } from '../contract';
import { DEFAULT_BANDS } from '../contract';
import { bandOf } from './bands';

/**
 * A first draft of an objective's retrospective, from what the cycle already recorded: final scores,
 * check-in notes and blockers, and where the owners' confidence or the forecast were wrong. Lines carry
 * no words (the reader says them in the user's language); the owner edits the draft before saving it.
 */

export interface RetrospectiveKeyResult {
  readonly id: string;
  readonly title: string;
  /** The final score (given at review, else measured). */
  readonly score: number;
  /** The forecast's score halfway through the cycle (domain/forecast.ts over the snapshots then); null when it had none. */
  readonly midCycleForecast?: number | null | undefined;
}

export interface RetrospectiveCheckIn {
  readonly keyResultId: string;
  readonly at: string;
  readonly confidence: Confidence;
  readonly note?: string | undefined;
  readonly blockers?: string | undefined;
}

export type DraftLine =
  | { readonly kind: 'scored'; readonly keyResultId: string; readonly title: string; readonly score: number }
  | { readonly kind: 'note' | 'blocker'; readonly keyResultId: string; readonly title: string; readonly text: string }
  | {
      readonly kind: 'confidence-miss';
      readonly keyResultId: string;
      readonly title: string;
      readonly said: Confidence;
      readonly score: number;
    }
  | {
      readonly kind: 'forecast-miss';
      readonly keyResultId: string;
      readonly title: string;
      readonly forecast: number;
      readonly score: number;
    };

export interface RetrospectiveDraft {
  /** What drove progress. */
  readonly drove: readonly DraftLine[];
  /** What did not. */
  readonly didNot: readonly DraftLine[];
  /** What we learned. */
  readonly learned: readonly DraftLine[];
}

/** Blockers named in the cycle, at most this many (the most recent distinct ones). */
export const MAX_BLOCKERS = 5;
/** A forecast this far off the final score (on 0-1) is a lesson about planning. */
export const FORECAST_MISS = 0.3;

const normal = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

export const draftRetrospective = (input: {
  readonly keyResults: readonly RetrospectiveKeyResult[];
  readonly checkIns: readonly RetrospectiveCheckIn[];
  readonly bands?: BandConfig | undefined;
}): RetrospectiveDraft => {
  const bands = input.bands ?? DEFAULT_BANDS;
  const byId = new Map(input.keyResults.map((kr) => [kr.id, kr]));
  const newestFirst = [...input.checkIns].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const drove: DraftLine[] = [];
  const didNot: DraftLine[] = [];
  const learned: DraftLine[] = [];

  for (const kr of input.keyResults) {
    const band = bandOf(kr.score, bands);
    const line = { keyResultId: kr.id, title: kr.title };
    if (band === 'green') {
      drove.push({ kind: 'scored', ...line, score: kr.score });
      const note = newestFirst.find((c) => c.keyResultId === kr.id && (c.note ?? '').trim() !== '');
      if (note?.note !== undefined) drove.push({ kind: 'note', ...line, text: note.note.trim() });
    } else if (band === 'red') {
      didNot.push({ kind: 'scored', ...line, score: kr.score });
    }
    // The owner's last word before the end against how it ended: a strong disagreement is a lesson.
    const last = newestFirst.find((c) => c.keyResultId === kr.id);
    if ((last?.confidence === 'on_track' && band === 'red') || (last?.confidence === 'off_track' && band === 'green')) {
      learned.push({ kind: 'confidence-miss', ...line, said: last.confidence, score: kr.score });
    }
    const forecast = kr.midCycleForecast;
    if (forecast !== undefined && forecast !== null && Math.abs(forecast - kr.score) >= FORECAST_MISS) {
      learned.push({ kind: 'forecast-miss', ...line, forecast, score: kr.score });
    }
  }

  const seen = new Set<string>();
  const blockers = newestFirst.flatMap((c) => {
    const kr = byId.get(c.keyResultId);
    return kr === undefined ? [] : [{ kr, text: (c.blockers ?? '').trim() }];
  });
  for (const { kr, text } of blockers) {
    if (text === '' || seen.has(normal(text))) continue;
    seen.add(normal(text));
    didNot.push({ kind: 'blocker', keyResultId: kr.id, title: kr.title, text });
    if (seen.size >= MAX_BLOCKERS) break;
  }
  return { drove, didNot, learned };
};

/** Whether a retrospective says anything: at least one of its three prompts answered. */
export const hasRetrospective = (
  r: { readonly drove?: string | undefined; readonly didNot?: string | undefined; readonly learned?: string | undefined } | undefined,
): boolean => r !== undefined && [r.drove, r.didNot, r.learned].some((p) => (p ?? '').trim() !== '');
