import { lazy, Suspense, useId, useState } from 'react';
import type { Cycle } from '../../../../src/contract';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { t } from '../../app/i18n';
import { Button } from '../../components/button';
import { describeError } from '../../components/errors';
import { figureWords } from './coverage-list';
import './coverage.css';

/** The list of work without an objective loads when someone opens it, outside the board's first bundle. */
const CoverageDialog = lazy(() => import('./coverage-dialog'));

/** Uncovered epics the dialog lists (the count is always complete). */
const LIST_LIMIT = 50;

/**
 * Strategy coverage in the board's toolbar: "Coverage 72%" for the board's team filter when one is set,
 * else for every team of the cycle (coverage.get). It says what it measures on hover and to screen
 * readers; clicking it opens the work behind the figure, the in-progress epics that serve no KR.
 * Nothing shows while no team lists a Jira project: there is no work to measure.
 */
export function CoverageFigure({ cycle, teamId, onLinked }: { cycle: Cycle; teamId: string; onLinked: () => void }) {
  const explanationId = useId();
  const [open, setOpen] = useState(false);
  const asked = `${cycle.id}/${teamId}`;
  const coverage = useAsync(
    async () => ({
      asked,
      answer: await api['coverage.get']({ cycleId: cycle.id, ...(teamId === '' ? {} : { teamId }), limit: LIST_LIMIT }),
    }),
    [asked],
  );
  // An answer for another cycle or team (kept while the next loads) is not shown as this one's.
  const data = coverage.data?.asked === asked ? coverage.data.answer : undefined;
  if (data?.teams.length === 0) return null;
  const label =
    data === undefined
      ? coverage.status === 'error'
        ? t('coverage.figureError')
        : t('coverage.figureLoading')
      : figureWords(data.total);
  return (
    <>
      <Button
        className="cad-coverage__figure"
        aria-describedby={explanationId}
        aria-haspopup="dialog"
        title={coverage.status === 'error' ? describeError(coverage.error) : t('coverage.explanation')}
        disabled={data === undefined}
        data-coverage-ratio={data?.total.ratio ?? ''}
        onClick={() => {
          setOpen(true);
        }}
      >
        {label}
      </Button>
      <span id={explanationId} className="cad-visually-hidden">
        {t('coverage.explanation')}
      </span>
      {open && data !== undefined ? (
        <Suspense fallback={null}>
          <CoverageDialog
            coverage={data}
            cycle={cycle}
            loading={coverage.status === 'loading'}
            onLinked={() => {
              coverage.reload();
              onLinked();
            }}
            onClose={() => {
              setOpen(false);
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
