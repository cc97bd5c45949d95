import { useState } from 'react';
import type { ObjectiveView, Scorecard, TrackStatus } from '../../../src/contract';
import { currentLocale, t } from '../app/i18n';
import { ObjectiveLink } from '../app/links';
import { bandWords, formatDay, formatNumber, formatScore, trackWords } from './format';
import { InitiativeList } from './initiative-list';
import { KeyResultRow } from './key-result-row';
import { Lozenge } from './lozenge';
import { levelWords } from './objective-tree';
import { Owner } from './owner';
import { ScoreBar } from './score-bar';
import type { Signal } from './status';
import { barStatus, signalOf, StatusLozenge, StatusSummaryBar } from './status';
import './scorecard.css';

/** "2 delivered · 1 made progress · 1 fell short": the grade distribution, in the grades' words. */
const distributionWords = (d: Scorecard['summary']['distribution']): string =>
  [
    d.green > 0 ? `${formatNumber(d.green)} ${bandWords('green')}` : '',
    d.yellow > 0 ? `${formatNumber(d.yellow)} ${bandWords('yellow')}` : '',
    d.red > 0 ? `${formatNumber(d.red)} ${bandWords('red')}` : '',
    d.unscored > 0 ? t('components.scorecard.unscored', { count: d.unscored }) : '',
  ]
    .filter(Boolean)
    .join(' · ');

/** One objective of a scorecard: a block that never breaks across printed pages. */
export function ScorecardObjective({
  objective,
  signal,
  includeInitiatives,
  headingLevel = 3,
}: {
  objective: ObjectiveView;
  /** Which signal speaks: the cycle's (signalOf). */
  signal: Signal;
  includeInitiatives: boolean;
  headingLevel?: 3 | 4;
}) {
  const Heading = `h${headingLevel}` as const;
  const krLevel = headingLevel === 3 ? 4 : 5;
  const bar = barStatus(signal, objective.track, objective.band);
  return (
    <article className="cad-objective" aria-labelledby={`objective-${objective.id}`} data-objective={objective.id}>
      <div className="cad-objective__head">
        <Heading id={`objective-${objective.id}`} className="cad-objective__title">
          <ObjectiveLink objectiveId={objective.id} cycleId={objective.cycleId}>
            {objective.title}
          </ObjectiveLink>
        </Heading>
        <Lozenge>{levelWords(objective.level)}</Lozenge>
        {objective.status === 'draft' ? <Lozenge appearance="new">{t('components.scorecard.draft')}</Lozenge> : null}
      </div>
      <div className="cad-objective__meta">
        <Owner accountId={objective.ownerAccountId} role={t('components.owner.role')} />
        <StatusLozenge signal={signal} track={objective.track} band={objective.band} />
        <ScoreBar score={objective.score} band={bar.tone} words={bar.words} />
      </div>
      {objective.keyResults.length === 0 ? null : (
        <ul
          className="cad-objective__krs"
          aria-label={t('components.scorecard.keyResultsOf', { title: objective.title })}
        >
          {objective.keyResults.map((kr) => (
            <li key={kr.id}>
              <KeyResultRow keyResult={kr} signal={signal} headingLevel={krLevel}>
                {includeInitiatives && kr.initiatives.length > 0 ? (
                  <InitiativeList
                    initiatives={kr.initiatives}
                    label={t('components.epics.linkedTo', { title: kr.title })}
                  />
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
  const signal = signalOf(cycle);
  const [only, setOnly] = useState<TrackStatus | undefined>(undefined);
  const distribution = distributionWords(summary.distribution);
  // The summary's counts are of published objectives; the filter shows those in the chosen status.
  const shown =
    only === undefined
      ? scorecard.objectives
      : scorecard.objectives.filter((o) => o.status === 'published' && o.track === only);
  return (
    <section className="cad-scorecard" aria-labelledby="scorecard-title">
      <header className="cad-scorecard__header">
        <Heading id="scorecard-title" className="cad-heading-medium">
          {scorecard.title}
        </Heading>
        <p className="cad-subtle">
          {t('components.scorecard.cycleLine', {
            cycle: cycle.name,
            start: formatDay(cycle.startDate),
            end: formatDay(cycle.endDate),
            elapsed: formatNumber(Math.round(cycle.elapsed * 100)),
          })}
        </p>
        <p className="cad-text cad-scorecard__summary">
          {[
            t('components.counts.objectives', { count: summary.objectives }),
            t('components.counts.keyResults', { count: summary.keyResults }),
            summary.score === null ? '' : t('components.scorecard.score', { score: formatScore(summary.score) }),
            signal === 'grade' && summary.mean !== null
              ? t('components.scorecard.averageGrade', { score: formatScore(summary.mean) })
              : '',
            signal === 'grade' ? distribution : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {signal === 'pace' ? (
          <StatusSummaryBar summary={summary.tracks} what="objective" selected={only} onSelect={setOnly} />
        ) : null}
      </header>
      {scorecard.objectives.length === 0 ? (
        <p className="cad-subtle">{t('components.scorecard.empty', { cycle: cycle.name })}</p>
      ) : shown.length === 0 ? (
        <p className="cad-subtle">
          {t('components.scorecard.noneInStatus', {
            status: only === undefined ? '' : trackWords(only).toLocaleLowerCase(currentLocale()),
          })}
        </p>
      ) : (
        shown.map((o) => (
          <ScorecardObjective
            key={o.id}
            objective={o}
            signal={signal}
            includeInitiatives={includeInitiatives}
            headingLevel={headingLevel === 2 ? 3 : 4}
          />
        ))
      )}
    </section>
  );
}
