import type { z } from 'zod';
import type { BandConfig, PaceThresholds } from '../../../../src/contract';
import { BandConfigSchema } from '../../../../src/contract/insights';
import { PaceThresholdsSchema } from '../../../../src/contract/settings';
import { t } from '../../app/i18n';
import { formatNumber } from '../../components/format';

export type ScoringField = 'yellowFrom' | 'greenFrom' | 'behindBy' | 'atRiskBy';
export type ScoringDraft = Record<ScoringField, string>;

/** The field a refinement compares with (the contract's refine names only the later one). */
const OTHER: Partial<Record<ScoringField, ScoringField>> = { greenFrom: 'yellowFrom', atRiskBy: 'behindBy' };

export const fieldLabel = (field: ScoringField): string => t(`admin.scoring.${field}`);

/** A typed number ('0,4' as Dutch people write it reads as 0.4); anything else is NaN, which the schema refuses. */
const numberOf = (text: string): number => {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
};

/** A schema's issue in words that name the field (the contract's own messages are English and unnamed). */
const words = (issue: z.core.$ZodIssue, field: ScoringField, draft: ScoringDraft): string => {
  const label = fieldLabel(field);
  switch (issue.code) {
    case 'too_small':
      return t('admin.scoring.errors.above', { field: label, min: formatNumber(Number(issue.minimum)) });
    case 'too_big':
      return issue.inclusive
        ? t('admin.scoring.errors.atMost', { field: label, max: formatNumber(Number(issue.maximum)) })
        : t('admin.scoring.errors.below', { field: label, max: formatNumber(Number(issue.maximum)) });
    case 'custom': {
      const other = OTHER[field] ?? field;
      return t('admin.scoring.errors.order', { field: label, other: fieldLabel(other), value: draft[other].trim() });
    }
    default:
      return t('admin.scoring.errors.number', { field: label });
  }
};

const collect = <T>(
  schema: z.ZodType<T>,
  input: Record<string, number>,
  draft: ScoringDraft,
  errors: Map<ScoringField, string>,
): T | undefined => {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as ScoringField;
    if (!errors.has(field)) errors.set(field, words(issue, field, draft));
  }
  return undefined;
};

/**
 * The draft checked by the contract's own schemas (BandConfigSchema, PaceThresholdsSchema), so the form
 * holds exactly the rule settings.update holds: the values, or a message per field.
 */
export const checkScoring = (
  draft: ScoringDraft,
): { bands?: BandConfig; pace?: PaceThresholds; errors: ReadonlyMap<ScoringField, string> } => {
  const errors = new Map<ScoringField, string>();
  const bands = collect(
    BandConfigSchema,
    { yellowFrom: numberOf(draft.yellowFrom), greenFrom: numberOf(draft.greenFrom) },
    draft,
    errors,
  );
  const pace = collect(
    PaceThresholdsSchema,
    { behindBy: numberOf(draft.behindBy), atRiskBy: numberOf(draft.atRiskBy) },
    draft,
    errors,
  );
  return { ...(bands === undefined ? {} : { bands }), ...(pace === undefined ? {} : { pace }), errors };
};

export const draftOf = (bands: BandConfig, pace: PaceThresholds): ScoringDraft => ({
  yellowFrom: String(bands.yellowFrom),
  greenFrom: String(bands.greenFrom),
  behindBy: String(pace.behindBy),
  atRiskBy: String(pace.atRiskBy),
});
