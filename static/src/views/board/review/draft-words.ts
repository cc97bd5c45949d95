import type { Retrospective } from '../../../../../src/contract';
import type { DraftLine, RetrospectiveDraft } from '../../../../../src/domain/retrospective-draft';
import { t } from '../../../app/i18n';
import { confidenceWords, formatScore } from '../../../components/format';

export type Prompt = 'drove' | 'didNot' | 'learned';
export const PROMPTS: readonly Prompt[] = ['drove', 'didNot', 'learned'];

/**
 * review.get's draft lines (domain/retrospective-draft.ts: facts, no words) as sentences in the viewer's
 * language, one per line, so the owner starts from the cycle's record rather than a blank page.
 */
export const draftLineWords = (line: DraftLine): string => {
  switch (line.kind) {
    case 'scored':
      return t('review.draft.scored', { title: line.title, score: formatScore(line.score) });
    case 'note':
      return t('review.draft.note', { title: line.title, text: line.text });
    case 'blocker':
      return t('review.draft.blocker', { title: line.title, text: line.text });
    case 'confidence-miss':
      return t('review.draft.confidenceMiss', {
        title: line.title,
        said: confidenceWords(line.said).toLocaleLowerCase(),
        score: formatScore(line.score),
      });
    case 'forecast-miss':
      return t('review.draft.forecastMiss', {
        title: line.title,
        forecast: formatScore(line.forecast),
        score: formatScore(line.score),
      });
  }
};

/** One prompt's draft as the text of its field: a bulleted line per fact, empty when the cycle said nothing. */
export const draftText = (lines: readonly DraftLine[]): string => lines.map((l) => `- ${draftLineWords(l)}`).join('\n');

/** The three fields' first text: what was saved, else the draft in words. */
export const retrospectiveStart = (
  saved: Retrospective | undefined,
  draft: RetrospectiveDraft,
): { readonly texts: Readonly<Record<Prompt, string>>; readonly fromDraft: boolean } => {
  if (saved !== undefined && PROMPTS.some((p) => (saved[p] ?? '').trim() !== ''))
    return { texts: { drove: saved.drove ?? '', didNot: saved.didNot ?? '', learned: saved.learned ?? '' }, fromDraft: false };
  return {
    texts: { drove: draftText(draft.drove), didNot: draftText(draft.didNot), learned: draftText(draft.learned) },
    fromDraft: true,
  };
};
