import type { Cycle } from '../../../../src/contract';
import type { Frozen } from '../../../../src/contract/review';
import { loadChunkWords } from '../../app/chunk-words';
import { t } from '../../app/i18n';
import { Lozenge } from '../../components/lozenge';
import { weekWords } from './frozen-weeks';
import './frozen-label.css';

/**
 * Says that a scorecard's figures are frozen, and as of when: a labelled note (a lozenge and words,
 * never colour alone) above the scorecard, in the page and in the config dialog's preview. When no
 * snapshot exists yet at or before the week, it says so instead of any figure.
 */
export function FrozenLabel({ frozen, cycle }: { frozen: Frozen; cycle: Pick<Cycle, 'startDate' | 'endDate'> }) {
  if (frozen === null) return null;
  const asked = weekWords(frozen.asked, cycle);
  const title = frozen.asOf.kind === 'cycle-end' ? t('frozen.label.asOfEnd', asked) : t('frozen.label.asOfWeek', asked);
  const none = frozen.asOf.kind === 'cycle-end' ? t('frozen.label.noneEnd') : t('frozen.label.none', asked);
  return (
    <section
      className={`cad-message cad-message--${frozen.week === null ? 'warning' : 'info'} cad-frozen`}
      aria-label={title}
      data-frozen-week={frozen.week ?? ''}
    >
      <p className="cad-frozen__title">
        <Lozenge appearance={frozen.week === null ? 'moved' : 'inprogress'} bold>
          {t('frozen.label.lozenge')}
        </Lozenge>{' '}
        <strong>{title}</strong>
      </p>
      {frozen.week === null ? (
        <p>{none}</p>
      ) : (
        <>
          {frozen.exact ? null : <p>{t('frozen.label.earlier', weekWords(frozen.week, cycle))}</p>}
          <p className="cad-subtle">{t('frozen.label.later')}</p>
        </>
      )}
    </section>
  );
}

/**
 * The label once its words are in. The words' loader lives here, in the label's lazy chunk, not in the
 * macro's entry: chunk-words.ts and its table of loaders would otherwise cost every macro ~1 KB gzipped.
 */
export const frozenLabelWithWords = (): Promise<typeof FrozenLabel> => loadChunkWords('frozen').then(() => FrozenLabel);
