import type { Scorecard } from '../../../../src/contract';
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
        Weekly check-in: {scorecard.title}
      </h2>
      <p className="cad-subtle">
        {cycle.name} · {formatDay(cycle.startDate)} – {formatDay(cycle.endDate)}. Update each key result’s current value
        and confidence; “No change” repeats last week’s.
      </p>
      {objectives.length === 0 ? <p className="cad-subtle">This team has no key results in {cycle.name} yet.</p> : null}
      {objectives.map((o) => (
        <section key={o.id} className="cad-stack" aria-labelledby={`check-in-objective-${o.id}`}>
          <h3 id={`check-in-objective-${o.id}`} className="cad-heading-small">
            {o.title}
          </h3>
          {o.keyResults.map((kr) => (
            <KeyResultCheckIn key={kr.id} keyResult={kr} cycle={cycle} headingLevel={4} onCheckedIn={onCheckedIn} />
          ))}
        </section>
      ))}
    </section>
  );
}
