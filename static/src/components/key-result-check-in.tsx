import { useState } from 'react';
import type { ReactNode } from 'react';
import type { CheckIn, Cycle, KeyResultView } from '../../../src/contract';
import { Button } from './button';
import { CheckInForm } from './check-in-form';
import { checkInsOpen } from './cycles';
import { HistoryChart } from './history-chart';
import { InitiativeList } from './initiative-list';
import { KeyResultRow } from './key-result-row';
import { RecentCheckIns } from './recent-check-ins';
import { signalOf } from './status';

type CycleInfo = Pick<Cycle, 'name' | 'status' | 'startDate' | 'endDate'>;

/**
 * Why the backend said canCheckIn = false, in words. The backend decides; this only explains, checking
 * the reasons in the order checkIns.create does (cycle state, archived, who).
 */
export const checkInBlockedReason = (
  keyResult: Pick<KeyResultView, 'status'>,
  cycle: Pick<Cycle, 'name' | 'status'> | undefined,
): string => {
  if (cycle !== undefined && !checkInsOpen(cycle)) {
    return `Check-ins open while the cycle is active; “${cycle.name}” is ${cycle.status === 'planning' ? 'still in planning' : 'closed'}.`;
  }
  if (keyResult.status === 'archived') return 'This key result is archived.';
  return 'Only the key result’s owner or the objective’s owner can check in.';
};

/**
 * One KR with everything a check-in needs around it: the row, its epics, the check-in form, the
 * history chart and the recent check-ins. Shared by the epic panel, the macro's check-in panel and the
 * team page, so the same form and rules apply everywhere. `onCheckedIn` lets the caller reload its data.
 */
export function KeyResultCheckIn({
  keyResult,
  cycle,
  context,
  recentCheckIns,
  showInitiatives = false,
  history = 'collapsed',
  headingLevel = 3,
  onCheckedIn,
}: {
  keyResult: KeyResultView;
  cycle: CycleInfo | undefined;
  /** A line above the row, e.g. the objective the KR belongs to. */
  context?: ReactNode;
  recentCheckIns?: readonly CheckIn[];
  showInitiatives?: boolean;
  /** 'open': chart shown at once; 'collapsed': behind a button (saves a call per KR in long lists). */
  history?: 'open' | 'collapsed' | 'none';
  headingLevel?: 3 | 4 | 5;
  onCheckedIn?: () => void;
}) {
  const [checkIns, setCheckIns] = useState(0);
  const [showHistory, setShowHistory] = useState(history === 'open');
  return (
    <section className="cad-card" aria-label={keyResult.title}>
      {context}
      <KeyResultRow keyResult={keyResult} signal={cycle === undefined ? 'pace' : signalOf(cycle)} headingLevel={headingLevel}>
        {showInitiatives ? (
          <InitiativeList initiatives={keyResult.initiatives} label={`Epics linked to ${keyResult.title}`} />
        ) : null}
      </KeyResultRow>
      <CheckInForm
        keyResult={keyResult}
        disabledReason={keyResult.canCheckIn ? undefined : checkInBlockedReason(keyResult, cycle)}
        onCheckedIn={() => {
          setCheckIns((n) => n + 1);
          onCheckedIn?.();
        }}
      />
      {history === 'none' || cycle === undefined ? null : showHistory ? (
        <HistoryChart keyResult={keyResult} cycle={cycle} refreshKey={checkIns} />
      ) : (
        <div>
          <Button
            appearance="link"
            aria-label={`Show history of ${keyResult.title}`}
            onClick={() => {
              setShowHistory(true);
            }}
          >
            Show history
          </Button>
        </div>
      )}
      {recentCheckIns === undefined ? null : <RecentCheckIns checkIns={recentCheckIns} metric={keyResult.metric} />}
    </section>
  );
}
