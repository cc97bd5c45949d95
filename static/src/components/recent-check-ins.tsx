import type { CheckIn, Metric } from '../../../src/contract';
import { useId } from 'react';
import { t } from '../app/i18n';
import { confidenceWords, formatDateTime, formatValue } from './format';
import { Owner } from './owner';
import './recent-check-ins.css';

/** The latest check-ins of a KR, newest first: value, confidence, who, when, note and blockers. */
export function RecentCheckIns({
  checkIns,
  metric,
  label,
}: {
  checkIns: readonly CheckIn[];
  metric: Pick<Metric, 'kind' | 'unit'>;
  label?: string;
}) {
  const id = useId();
  if (checkIns.length === 0) return <p className="cad-subtlest">{t('components.recent.none')}</p>;
  return (
    <div className="cad-stack">
      <p id={id} className="cad-field__label">
        {label ?? t('components.recent.label')}
      </p>
      <ol className="cad-check-ins" aria-labelledby={id}>
        {checkIns.map((c) => (
          <li key={c.id} className="cad-check-ins__item">
            <div className="cad-inline">
              <strong className="cad-check-ins__value">{formatValue(c.value, metric)}</strong>
              <span className={`cad-check-ins__confidence cad-check-ins__confidence--${c.confidence}`}>
                {confidenceWords(c.confidence)}
              </span>
              <Owner accountId={c.authorAccountId} role={t('components.recent.by')} />
              <time className="cad-subtlest" dateTime={c.at}>
                {formatDateTime(c.at)}
              </time>
            </div>
            {c.note === undefined ? null : <p className="cad-text cad-check-ins__note">{c.note}</p>}
            {c.blockers === undefined ? null : (
              <p className="cad-text cad-check-ins__blockers">
                <strong>{t('components.recent.blockers')}</strong> {c.blockers}
              </p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
