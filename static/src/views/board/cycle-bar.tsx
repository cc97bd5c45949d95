import { lazy, Suspense, useId, useState } from 'react';
import type { Cycle, CycleStatus } from '../../../../src/contract';
import { api } from '../../api/client';
import { useRequestId } from '../../api/request-id';
import { WriteButton } from '../../components/read-only';
import { describeError } from '../../components/errors';
import { t } from '../../app/i18n';
import { formatDay } from '../../components/format';
import { Lozenge } from '../../components/lozenge';
import type { LozengeAppearance } from '../../components/lozenge';
import { Button } from '../../components/button';
import { useReviewOpener } from './review/review-route';

/** Closing a cycle offers carry-over first (Improve); its dialog is a chunk of its own. */
const CarryOverDialog = lazy(() => import('./review/carry-over-dialog'));

export const statusWords = (status: CycleStatus): string => t(`board.cycle.status.${status}`);
const STATUS_APPEARANCE: Readonly<Record<CycleStatus, LozengeAppearance>> = {
  planning: 'new',
  active: 'inprogress',
  review: 'moved',
  closed: 'default',
};

/** The moves cycles.update allows (planning -> active -> review -> closed; review -> active), as buttons. */
const MOVES: Readonly<
  Record<CycleStatus, readonly { to: CycleStatus; label: 'active' | 'review' | 'reopen' | 'closed' }[]>
> = {
  planning: [{ to: 'active', label: 'active' }],
  active: [{ to: 'review', label: 'review' }],
  review: [
    { to: 'active', label: 'reopen' },
    { to: 'closed', label: 'closed' },
  ],
  closed: [],
};

/**
 * Picks the cycle the board shows. Site admins also create cycles (in the side panel) and move the
 * chosen one along its statuses here; the backend refuses any move it does not allow.
 */
export function CycleBar({
  cycles,
  selected,
  onSelect,
  isAdmin,
  onCreate,
  onChanged,
}: {
  cycles: readonly Cycle[];
  selected: Cycle | undefined;
  onSelect: (cycleId: string) => void;
  isAdmin: boolean;
  onCreate: () => void;
  onChanged: (cycle: Cycle) => void;
}) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const requestId = useRequestId();
  const openReview = useReviewOpener();
  const [closing, setClosing] = useState<Cycle | undefined>(undefined);

  const move = (cycle: Cycle, status: CycleStatus) => {
    // Closing goes through carry-over: the dialog carries what continues, then closes the cycle.
    if (status === 'closed') {
      setError(undefined);
      setClosing(cycle);
      return;
    }
    setBusy(true);
    setError(undefined);
    const target = `${cycle.id}:${status}`;
    api['cycles.update']({ id: cycle.id, status, requestId: requestId.current(target) }).then(
      (updated) => {
        requestId.done(target);
        setBusy(false);
        onChanged(updated);
        // Moving to review is the start of grading: its view opens on the cycle.
        if (updated.status === 'review') openReview?.(updated.id);
      },
      (e: unknown) => {
        setBusy(false);
        setError(describeError(e));
      },
    );
  };

  return (
    <div className="cad-cycle-bar">
      <div className="cad-field">
        <label className="cad-field__label" htmlFor={`${id}-cycle`}>
          {t('board.cycle.label')}
        </label>
        <select
          id={`${id}-cycle`}
          className="cad-select"
          value={selected?.id ?? ''}
          onChange={(e) => {
            setError(undefined);
            onSelect(e.target.value);
          }}
        >
          {cycles.map((c) => (
            <option key={c.id} value={c.id}>
              {t('board.cycle.option', { name: c.name, status: statusWords(c.status).toLocaleLowerCase() })}
            </option>
          ))}
        </select>
      </div>
      {selected === undefined ? null : (
        <div className="cad-inline">
          <Lozenge appearance={STATUS_APPEARANCE[selected.status]}>{statusWords(selected.status)}</Lozenge>
          <span className="cad-subtle">
            {t('board.cycle.dates', { start: formatDay(selected.startDate), end: formatDay(selected.endDate) })}
          </span>
          {isAdmin
            ? MOVES[selected.status].map((m) => (
                <WriteButton
                  key={m.to}
                  disabled={busy}
                  onClick={() => {
                    move(selected, m.to);
                  }}
                >
                  {t(`board.cycle.move.${m.label}`)}
                </WriteButton>
              ))
            : null}
          {openReview !== undefined && (selected.status === 'review' || selected.status === 'closed') ? (
            <Button
              appearance={selected.status === 'review' ? 'primary' : 'default'}
              onClick={() => {
                openReview(selected.id);
              }}
            >
              {t(selected.status === 'review' ? 'review.entry.grade' : 'review.entry.review')}
            </Button>
          ) : null}
        </div>
      )}
      {closing === undefined ? null : (
        <Suspense fallback={null}>
          <CarryOverDialog
            cycle={closing}
            cycles={cycles}
            me={undefined}
            onCancel={() => {
              setClosing(undefined);
            }}
            onClosed={(closed, target) => {
              setClosing(undefined);
              // The board moves on to where the carried objectives went.
              onChanged(target ?? closed);
            }}
          />
        </Suspense>
      )}
      {isAdmin ? <WriteButton onClick={onCreate}>{t('board.cycle.new')}</WriteButton> : null}
      {error === undefined ? null : (
        <p className="cad-field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
