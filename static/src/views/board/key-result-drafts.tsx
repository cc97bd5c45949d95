import type { Locale, MetricKind } from '../../../../src/contract';
import { KEY_RESULTS_PER_OBJECTIVE } from '../../../../src/domain/lint';
import type { OkrExample } from '../../../../src/domain/okr-examples';
import { api } from '../../api/client';
import type { RequestId } from '../../api/request-id';
import { t } from '../../app/i18n';
import { Button } from '../../components/button';
import { LIMITS, TextField, tooLong } from './fields';
import './key-result-drafts.css';

/** A KR to create with a new objective, as typed (numbers stay text until saved). */
export interface KeyResultDraft {
  readonly key: string;
  readonly title: string;
  readonly kind: MetricKind;
  readonly start: string;
  readonly target: string;
  readonly unit: string;
}

let drafted = 0;
const nextKey = (): string => `draft-${String((drafted += 1))}`;

export const emptyDraft = (): KeyResultDraft => ({
  key: nextKey(),
  title: '',
  kind: 'number',
  start: '0',
  target: '',
  unit: '',
});

/** An example's KRs in the viewer's language, ready to adapt. */
export const draftsOf = (example: OkrExample, locale: Locale): KeyResultDraft[] =>
  example.keyResults.map((kr) => ({
    key: nextKey(),
    title: kr.title[locale],
    kind: kr.kind,
    start: String(kr.start),
    target: String(kr.target),
    unit: kr.unit?.[locale] ?? '',
  }));

const numberOf = (text: string): number | undefined => {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
};

/** What is wrong with the drafts, keyed `<draft key>.<field>`; nothing is sent while any is. */
export const draftErrors = (drafts: readonly KeyResultDraft[]): Map<string, string> => {
  const errors = new Map<string, string>();
  for (const d of drafts) {
    if (d.title.trim() === '') errors.set(`${d.key}.title`, t('editor.keyResultForm.titleMissing'));
    const long = tooLong(t('editor.keyResultForm.titleWords'), d.title, LIMITS.keyResultTitle);
    if (long !== undefined) errors.set(`${d.key}.title`, long);
    if (d.kind === 'binary') continue;
    if (numberOf(d.start) === undefined) errors.set(`${d.key}.start`, t('editor.keyResultForm.startNotNumber'));
    if (numberOf(d.target) === undefined) errors.set(`${d.key}.target`, t('editor.keyResultForm.targetNotNumber'));
    const longUnit = tooLong(t('editor.keyResultForm.unitWords'), d.unit, LIMITS.unit);
    if (longUnit !== undefined) errors.set(`${d.key}.unit`, longUnit);
  }
  return errors;
};

/**
 * Creates the drafts under the objective one after the other, each with its own request id, so a retry
 * after a failure answers the ones already made instead of making them twice. Rejects with the position
 * (1-based) of the draft that failed.
 */
export const createDrafts = async (
  objectiveId: string,
  ownerAccountId: string | undefined,
  drafts: readonly KeyResultDraft[],
  requestId: RequestId,
): Promise<void> => {
  for (const [i, d] of drafts.entries()) {
    const binary = d.kind === 'binary';
    const unit = d.unit.trim();
    try {
      await api['keyResults.create']({
        requestId: requestId.current(d.key),
        objectiveId,
        title: d.title,
        metric: {
          kind: d.kind,
          start: binary ? 0 : (numberOf(d.start) ?? 0),
          target: binary ? 1 : (numberOf(d.target) ?? 0),
          ...(binary || unit === '' ? {} : { unit }),
        },
        ...(ownerAccountId === undefined ? {} : { ownerAccountId }),
      });
    } catch (error) {
      throw new DraftFailed(i + 1, error);
    }
  }
  for (const d of drafts) requestId.done(d.key);
};

export class DraftFailed extends Error {
  constructor(
    readonly position: number,
    readonly error: unknown,
  ) {
    super(`key result ${String(position)} could not be created`);
  }
}

/**
 * The KRs a new objective is created with: filled from an example or added one by one, each editable or
 * removable before saving. The method's count (src/domain/lint/shape.ts) is said above them.
 */
export function KeyResultDrafts({
  id,
  drafts,
  onChange,
  errors,
}: {
  id: string;
  drafts: readonly KeyResultDraft[];
  onChange: (drafts: KeyResultDraft[]) => void;
  errors: ReadonlyMap<string, string>;
}) {
  const change = (key: string, patch: Partial<KeyResultDraft>) => {
    onChange(drafts.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  };
  return (
    <fieldset className="cad-fieldset cad-stack" aria-describedby={`${id}-rule`}>
      <legend className="cad-fieldset__legend">{t('editor.drafts.legend')}</legend>
      <p id={`${id}-rule`} className="cad-field__hint">
        {drafts.length === 0
          ? t('editor.drafts.none', { ...KEY_RESULTS_PER_OBJECTIVE })
          : t('editor.shape.has', { ...KEY_RESULTS_PER_OBJECTIVE, count: drafts.length })}
      </p>
      {drafts.map((d, i) => {
        const n = i + 1;
        const fieldId = `${id}-${d.key}`;
        return (
          <div key={d.key} className="cad-stack cad-draft" role="group" aria-label={t('editor.drafts.item', { n })}>
            <TextField
              id={`${fieldId}-title`}
              label={t('editor.drafts.title', { n })}
              required
              limit={LIMITS.keyResultTitle}
              value={d.title}
              onChange={(title) => {
                change(d.key, { title });
              }}
              error={errors.get(`${d.key}.title`)}
            />
            {d.kind === 'binary' ? null : (
              <div className="cad-panel-form__grid">
                <TextField
                  id={`${fieldId}-start`}
                  label={t('editor.keyResultForm.start')}
                  type="number"
                  required
                  value={d.start}
                  onChange={(start) => {
                    change(d.key, { start });
                  }}
                  error={errors.get(`${d.key}.start`)}
                />
                <TextField
                  id={`${fieldId}-target`}
                  label={t('editor.keyResultForm.target')}
                  type="number"
                  required
                  value={d.target}
                  onChange={(target) => {
                    change(d.key, { target });
                  }}
                  error={errors.get(`${d.key}.target`)}
                />
                <TextField
                  id={`${fieldId}-unit`}
                  label={t('editor.keyResultForm.unit')}
                  limit={LIMITS.unit}
                  value={d.unit}
                  onChange={(unit) => {
                    change(d.key, { unit });
                  }}
                  error={errors.get(`${d.key}.unit`)}
                />
              </div>
            )}
            <div>
              <Button
                appearance="subtle"
                onClick={() => {
                  onChange(drafts.filter((x) => x.key !== d.key));
                }}
              >
                {t('editor.drafts.remove', { n })}
              </Button>
            </div>
          </div>
        );
      })}
      <div>
        <Button
          onClick={() => {
            onChange([...drafts, emptyDraft()]);
          }}
        >
          {t('editor.drafts.add')}
        </Button>
      </div>
    </fieldset>
  );
}
