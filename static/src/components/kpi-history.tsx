import { useCallback, useEffect, useRef, useState } from 'react';
import type { KpiReading, KpiView } from '../../../src/contract/review';
import { api } from '../api/client';
import { t } from '../app/i18n';
import { Button } from './button';
import { describeError } from './errors';
import { formatDay } from './format';
import { formatKpiValue } from './kpi-words';
import { Owner } from './owner';
import { LoadingState } from './states';

/** Readings a page: a quarter of weekly readings at once, older ones on demand. */
const PAGE = 12;
/** An index query may not yet see a reading just recorded (as on Forge): asked again this often, this many times. */
const CATCH_UP_MS = 1500;
const CATCH_UP_TRIES = 4;

interface Loaded {
  readonly readings: readonly KpiReading[];
  readonly cursor: string | undefined;
}

/**
 * A KPI's readings, newest first (kpis.readings, paged): when each was recorded, the value, who recorded
 * it and the note. Read through an index, which may not see a reading recorded a moment ago (as on
 * Forge): while the newest listed is older than `version` (the KPI's last update), the first page is
 * asked again a little later, a few times.
 */
export function KpiHistory({
  kpi,
  version,
}: {
  kpi: Pick<KpiView, 'id' | 'name' | 'unit'>;
  version: string | undefined;
}) {
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [tries, setTries] = useState(0);
  // Only the newest request's answer is kept (a reload while a page loads).
  const request = useRef(0);

  const load = useCallback(
    (cursor: string | undefined, before: readonly KpiReading[]) => {
      const mine = ++request.current;
      setLoading(true);
      setError(undefined);
      api['kpis.readings']({ kpiId: kpi.id, limit: PAGE, ...(cursor === undefined ? {} : { cursor }) }).then(
        (page) => {
          if (mine !== request.current) return;
          setLoaded({ readings: [...before, ...page.readings], cursor: page.nextCursor });
          setLoading(false);
        },
        (e: unknown) => {
          if (mine !== request.current) return;
          setError(e);
          setLoading(false);
        },
      );
    },
    [kpi.id],
  );

  useEffect(() => {
    setTries(0);
    load(undefined, []);
  }, [load, version]);

  const newest = loaded?.readings[0]?.at;
  const behind = loaded !== undefined && version !== undefined && (newest === undefined || newest < version);
  useEffect(() => {
    if (!behind || loading || tries >= CATCH_UP_TRIES) return undefined;
    const timer = setTimeout(() => {
      setTries((n) => n + 1);
      load(undefined, []);
    }, CATCH_UP_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [behind, loading, tries, load]);

  const label = t('kpi.history.label', { name: kpi.name });
  return (
    <div className="cad-kpi-form cad-kpi-history" role="group" aria-label={label}>
      {loaded === undefined ? null : loaded.readings.length === 0 ? (
        <p className="cad-subtle">{t('kpi.history.empty')}</p>
      ) : (
        <ol className="cad-list cad-kpi-history__list" aria-label={label}>
          {loaded.readings.map((r) => (
            <li key={r.id} className="cad-kpi-history__reading">
              <div className="cad-inline">
                <time dateTime={r.at} className="cad-subtle">
                  {formatDay(r.at)}
                </time>
                <strong>{formatKpiValue(r.value, kpi.unit)}</strong>
                <Owner accountId={r.authorAccountId} role={t('kpi.history.by')} />
              </div>
              {r.note === undefined ? null : <p className="cad-text cad-kpi-history__note">{r.note}</p>}
            </li>
          ))}
        </ol>
      )}
      {loading ? <LoadingState inline label={t('kpi.history.loading')} /> : null}
      {error === undefined ? null : (
        <p role="alert" className="cad-message cad-message--error">
          {t('kpi.history.loadError')} {describeError(error)}
        </p>
      )}
      {loaded?.cursor === undefined || loading ? null : (
        <div>
          <Button
            appearance="subtle"
            onClick={() => {
              load(loaded.cursor, loaded.readings);
            }}
          >
            {t('kpi.history.more')}
          </Button>
        </div>
      )}
    </div>
  );
}
