import { useId, useState } from 'react';
import type { CycleView } from '../../../../src/contract';
import { t } from '../../app/i18n';
import { ObjectiveLink } from '../../app/links';
import { Button } from '../../components/button';
import { CheckInForm } from '../../components/check-in-form';
import { formatDay } from '../../components/format';
import { InitiativeSummaryLine } from '../../components/initiative-list';
import { checkInBlockedReason } from '../../components/key-result-check-in';
import { KeyResultRow } from '../../components/key-result-row';
import { EmptyState } from '../../components/states';
import { signalOf } from '../../components/status';
import type { MyKeyResult } from './gadget-view';

/**
 * One of my KRs: its objective (a link to the board), the row, and a "Check in" that opens the shared
 * check-in form inline (the panel's form and rules: checkIns.create decides; a KR measured from its
 * epics takes only confidence and words; read-only installations show it disabled with the reason).
 */
function MyKeyResultItem({ row, cycle, onCheckedIn }: { row: MyKeyResult; cycle: CycleView; onCheckedIn: () => void }) {
  const { keyResult, objective } = row;
  const [open, setOpen] = useState(false);
  const formId = useId();
  return (
    <li className="cad-gadget__item">
      <p className="cad-subtlest">
        <ObjectiveLink objectiveId={objective.id} cycleId={cycle.id}>
          {objective.title}
        </ObjectiveLink>
      </p>
      <KeyResultRow
        keyResult={keyResult}
        signal={signalOf(cycle)}
        headingLevel={3}
        actions={
          <Button
            className="cad-gadget__check-in"
            appearance={open ? 'subtle' : 'default'}
            aria-expanded={open}
            aria-controls={open ? formId : undefined}
            aria-label={t(open ? 'gadget.checkIn.closeOn' : 'gadget.checkIn.openOn', { title: keyResult.title })}
            onClick={() => {
              setOpen((o) => !o);
            }}
          >
            {open ? t('gadget.checkIn.close') : t('gadget.checkIn.open')}
          </Button>
        }
      >
        <InitiativeSummaryLine summary={keyResult.initiatives} />
      </KeyResultRow>
      {open ? (
        <div id={formId} className="cad-gadget__form">
          <CheckInForm
            keyResult={keyResult}
            disabledReason={keyResult.canCheckIn ? undefined : checkInBlockedReason({}, cycle)}
            onCheckedIn={onCheckedIn}
          />
        </div>
      ) : null}
    </li>
  );
}

/** The KRs I own, each under its objective's title, with the epics' summary and a check-in. */
export function MyKeyResults({
  cycle,
  rows,
  onCheckedIn,
}: {
  cycle: CycleView;
  rows: readonly MyKeyResult[];
  /** After a check-in lands: the caller reloads so the row shows the new value. */
  onCheckedIn: () => void;
}) {
  const stale = rows.filter((r) => r.keyResult.stale).length;
  return (
    <section className="cad-stack" aria-labelledby="my-krs-title">
      <h2 id="my-krs-title" className="cad-heading-small">
        {t('gadget.mine.title', { cycle: cycle.name })}
      </h2>
      <p className="cad-subtle">
        {[
          t('gadget.mine.count', { count: rows.length }),
          stale > 0 ? t('gadget.mine.due', { count: stale }) : '',
          t('gadget.mine.ends', { day: formatDay(cycle.endDate) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {rows.length === 0 ? (
        <EmptyState
          headingLevel={3}
          title={t('gadget.mine.empty.title')}
          description={t('gadget.mine.empty.description')}
        />
      ) : (
        <ul className="cad-list cad-gadget__list">
          {rows.map((row) => (
            <MyKeyResultItem key={row.keyResult.id} row={row} cycle={cycle} onCheckedIn={onCheckedIn} />
          ))}
        </ul>
      )}
    </section>
  );
}
