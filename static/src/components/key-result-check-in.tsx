import { useState } from 'react';
import type { ReactNode } from 'react';
import type { CheckIn, Cycle, KeyResultView } from '../../../src/contract';
import { t } from '../app/i18n';
import { ObjectiveLink } from '../app/links';
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
  keyResult: { readonly status?: KeyResultView['status'] | undefined },
  cycle: Pick<Cycle, 'name' | 'status'> | undefined,
): string => {
  if (cycle !== undefined && !checkInsOpen(cycle)) {
    return t(
      cycle.status === 'planning' ? 'components.checkIn.blocked.planning' : 'components.checkIn.blocked.closed',
      { cycle: cycle.name },
    );
  }
  if (keyResult.status === 'archived') return t('components.checkIn.blocked.archived');
  return t('components.checkIn.blocked.notOwner');
};

/** "Team objective: <title, a link to the board> · Q1 2027": the line above a KR naming its objective. */
export function ObjectiveLine({
  objective,
  level,
  cycleName,
}: {
  objective: { readonly id: string; readonly title: string; readonly cycleId?: string | undefined };
  level?: string | undefined;
  cycleName?: string | undefined;
}) {
  return (
    <p className="cad-subtle cad-objective-line">
      {level === undefined
        ? t('components.objectiveLine.objective')
        : t('components.objectiveLine.levelObjective', { level })}{' '}
      <strong>
        <ObjectiveLink objectiveId={objective.id} cycleId={objective.cycleId}>
          {objective.title}
        </ObjectiveLink>
      </strong>
      {cycleName === undefined ? null : ` · ${cycleName}`}
    </p>
  );
}

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
      <KeyResultRow
        keyResult={keyResult}
        signal={cycle === undefined ? 'pace' : signalOf(cycle)}
        headingLevel={headingLevel}
      >
        {showInitiatives ? (
          <InitiativeList
            initiatives={keyResult.initiatives}
            label={t('components.epics.linkedTo', { title: keyResult.title })}
          />
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
            aria-label={t('components.history.showOf', { title: keyResult.title })}
            onClick={() => {
              setShowHistory(true);
            }}
          >
            {t('components.history.show')}
          </Button>
        </div>
      )}
      {recentCheckIns === undefined ? null : <RecentCheckIns checkIns={recentCheckIns} metric={keyResult.metric} />}
    </section>
  );
}
