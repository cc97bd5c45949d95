import type { ObjectiveView, Scorecard } from '../../../src/contract';
import { BandLozenge } from './band-lozenge';
import { formatDay, formatScore, plural } from './format';
import { InitiativeList } from './initiative-list';
import { KeyResultRow } from './key-result-row';
import { Lozenge } from './lozenge';
import { levelWords } from './objective-tree';
import { Owner } from './owner';
import { PaceLabel } from './pace-label';
import { ScoreBar } from './score-bar';
import './scorecard.css';

/** "2 on track · 1 at risk · 1 off track": the grade distribution in the method's words. */
const distributionWords = (d: Scorecard['summary']['distribution']): string =>
  [
    d.green > 0 ? `${d.green} on track` : '',
    d.yellow > 0 ? `${d.yellow} at risk` : '',
    d.red > 0 ? `${d.red} off track` : '',
    d.unscored > 0 ? `${d.unscored} without a score` : '',
  ]
    .filter(Boolean)
    .join(' · ');

/** One objective of a scorecard: a block that never breaks across printed pages. */
export function ScorecardObjective({
  objective,
  includeInitiatives,
  headingLevel = 3,
}: {
  objective: ObjectiveView;
  includeInitiatives: boolean;
  headingLevel?: 3 | 4;
}) {
  const Heading = `h${headingLevel}` as const;
  const krLevel = headingLevel === 3 ? 4 : 5;
  return (
    <article className="cad-objective" aria-labelledby={`objective-${objective.id}`} data-objective={objective.id}>
      <div className="cad-objective__head">
        <Heading id={`objective-${objective.id}`} className="cad-objective__title">
          {objective.title}
        </Heading>
        <Lozenge>{levelWords(objective.level)}</Lozenge>
        {objective.status === 'draft' ? <Lozenge appearance="new">Draft</Lozenge> : null}
      </div>
      <div className="cad-objective__meta">
        <Owner accountId={objective.ownerAccountId} role="Owner" />
        <ScoreBar score={objective.score} band={objective.band} />
        <BandLozenge band={objective.band} />
        <PaceLabel pace={objective.pace} />
      </div>
      {objective.keyResults.length === 0 ? null : (
        <ul className="cad-objective__krs" aria-label={`Key results of ${objective.title}`}>
          {objective.keyResults.map((kr) => (
            <li key={kr.id}>
              <KeyResultRow keyResult={kr} headingLevel={krLevel}>
                {includeInitiatives && kr.initiatives.length > 0 ? (
                  <InitiativeList initiatives={kr.initiatives} label={`Epics linked to ${kr.title}`} />
                ) : null}
              </KeyResultRow>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/**
 * A scorecard (scorecard.get): title, cycle, the grade summary, then each objective with its score,
 * band and pace, and, when included, its KRs and their epics. Clean to print (scorecard.css: no
 * buttons, black on white, one objective never split across pages), for PMs' review pages.
 */
export function ScorecardView({
  scorecard,
  includeInitiatives,
  headingLevel = 2,
}: {
  scorecard: Scorecard;
  includeInitiatives: boolean;
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  const { summary, cycle } = scorecard;
  const distribution = distributionWords(summary.distribution);
  return (
    <section className="cad-scorecard" aria-labelledby="scorecard-title">
      <header className="cad-scorecard__header">
        <Heading id="scorecard-title" className="cad-heading-medium">
          {scorecard.title}
        </Heading>
        <p className="cad-subtle">
          {cycle.name} · {formatDay(cycle.startDate)} – {formatDay(cycle.endDate)} · {Math.round(cycle.elapsed * 100)}%
          of the cycle elapsed
        </p>
        <p className="cad-text cad-scorecard__summary">
          {plural(summary.objectives, 'objective')} · {plural(summary.keyResults, 'key result')}
          {summary.mean === null ? '' : ` · average grade ${formatScore(summary.mean)}`}
          {distribution === '' ? '' : ` · ${distribution}`}
        </p>
      </header>
      {scorecard.objectives.length === 0 ? (
        <p className="cad-subtle">No objectives here in {cycle.name} yet.</p>
      ) : (
        scorecard.objectives.map((o) => (
          <ScorecardObjective
            key={o.id}
            objective={o}
            includeInitiatives={includeInitiatives}
            headingLevel={headingLevel === 2 ? 3 : 4}
          />
        ))
      )}
    </section>
  );
}
