import type { Scorecard } from '../../../../src/contract';
import { t } from '../../app/i18n';
import { ObjectiveLink } from '../../app/links';
import { KeyResultCheckIn } from '../../components/key-result-check-in';
import { formatDay } from '../../components/format';

/**
 * A team's KRs with the check-in form, for the weekly check-in meeting page: the same KeyResultCheckIn
 * as the Jira panel, so the same form, rules (checkIns.create decides) and errors.
 */
export function CheckInPanel({ scorecard, onCheckedIn }: { scorecard: Scorecard; onCheckedIn: () => void }) {
  const { cycle } = scorecard;
  const objectives = scorecard.objectives.filter((o) => o.keyResults.length > 0);
  return (
    <section className="cad-stack" aria-labelledby="check-in-title">
      <h2 id="check-in-title" className="cad-heading-medium">
        {t('macro.checkIn.title', { title: scorecard.title })}
      </h2>
      <p className="cad-subtle">
        {t('macro.checkIn.intro', {
          dates: t('macro.tree.dates', {
            cycle: cycle.name,
            start: formatDay(cycle.startDate),
            end: formatDay(cycle.endDate),
          }),
        })}
      </p>
      {objectives.length === 0 ? <p className="cad-subtle">{t('macro.checkIn.none', { cycle: cycle.name })}</p> : null}
      {objectives.map((o) => (
        <section key={o.id} className="cad-stack" aria-labelledby={`check-in-objective-${o.id}`}>
          <h3 id={`check-in-objective-${o.id}`} className="cad-heading-small">
            <ObjectiveLink objectiveId={o.id} cycleId={cycle.id}>
              {o.title}
            </ObjectiveLink>
          </h3>
          {o.keyResults.map((kr) => (
            <KeyResultCheckIn key={kr.id} keyResult={kr} cycle={cycle} headingLevel={4} onCheckedIn={onCheckedIn} />
          ))}
        </section>
      ))}
    </section>
  );
}
