import { useState } from 'react';
import type { Scorecard, ScorecardTeam, TrackStatus } from '../../../../src/contract';
import type { AsOf } from '../../../../src/contract/review';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { t } from '../../app/i18n';
import { Button } from '../../components/button';
import { formatDay, formatScore, trackWords } from '../../components/format';
import { ScorecardObjective } from '../../components/scorecard';
import { ScoreBar } from '../../components/score-bar';
import { ErrorState, LoadingState } from '../../components/states';
import type { Signal } from '../../components/status';
import { signalOf, StatusSummaryBar } from '../../components/status';

const LIVE: AsOf = { kind: 'live' };

interface Options {
  readonly cycleId: string;
  readonly signal: Signal;
  readonly includeKeyResults: boolean;
  readonly includeInitiatives: boolean;
  /** When the company's figures stand: each team's objectives are read as of the same moment. */
  readonly asOf: AsOf;
}

/**
 * "3 objectives · 7 key results · score 0.45": a group's figures (published objectives only); a team's
 * score is its bar's, so it is said once.
 */
const figureWords = (f: Pick<ScorecardTeam, 'objectives' | 'keyResults' | 'score'>, withScore: boolean): string =>
  [
    t('macro.company.objectives', { count: f.objectives }),
    t('macro.company.keyResults', { count: f.keyResults }),
    f.score === null || !withScore ? '' : t('macro.company.score', { score: formatScore(f.score) }),
  ]
    .filter(Boolean)
    .join(' · ');

/** One team's objectives, read when its section opens (scorecard.get with its teamId). */
function TeamObjectives({
  team,
  name,
  only,
  options,
}: {
  team: string;
  name: string;
  only: TrackStatus | undefined;
  options: Options;
}) {
  const data = useAsync(
    () =>
      api['scorecard.get']({
        cycleId: options.cycleId,
        teamId: team,
        includeKeyResults: options.includeKeyResults,
        includeInitiatives: options.includeInitiatives,
        asOf: options.asOf,
      }),
    [options.cycleId, team, options.includeKeyResults, options.includeInitiatives, options.asOf],
  );
  if (data.data === undefined) {
    return data.status === 'error' ? (
      <ErrorState error={data.error} reload={data.reload} title={t('macro.company.teamError', { team: name })} />
    ) : (
      <LoadingState inline label={t('macro.company.loadingTeam', { team: name })} />
    );
  }
  // The counts are of published objectives, so a status shows only published ones in it.
  const shown =
    only === undefined
      ? data.data.objectives
      : data.data.objectives.filter((o) => o.status === 'published' && o.track === only);
  if (shown.length === 0 && only !== undefined)
    return (
      <p className="cad-subtle">{t('macro.company.noneOfTeamInStatus', { status: trackWords(only).toLowerCase() })}</p>
    );
  return (
    <div className="cad-stack">
      {shown.map((o) => (
        <ScorecardObjective
          key={o.id}
          objective={o}
          signal={options.signal}
          includeInitiatives={options.includeInitiatives}
          headingLevel={4}
        />
      ))}
    </div>
  );
}

/** A team's section: its figures and counts by status (which open it filtered), its objectives on demand. */
function TeamSection({
  team,
  companyOnly,
  options,
}: {
  team: ScorecardTeam;
  companyOnly: TrackStatus | undefined;
  options: Options;
}) {
  const [open, setOpen] = useState(false);
  const [only, setOnly] = useState<TrackStatus | undefined>(undefined);
  const name = team.teamId === null ? t('macro.company.noTeam') : team.name;
  const id = `company-team-${team.teamId ?? 'none'}`;
  const status = only ?? companyOnly;
  return (
    <section className="cad-company__team" aria-labelledby={id} data-team={team.teamId ?? ''}>
      <div className="cad-company__team-head">
        <h3 id={id} className="cad-heading-small cad-company__team-name">
          {name}
        </h3>
        <ScoreBar score={team.score} band={null} label={t('macro.company.teamScore')} />
      </div>
      <p className="cad-subtle">{figureWords(team, false)}</p>
      {options.signal === 'pace' ? (
        <StatusSummaryBar
          summary={team.tracks}
          what="objective"
          selected={only}
          onSelect={(track) => {
            setOnly(track);
            if (track !== undefined) setOpen(true);
          }}
        />
      ) : null}
      {team.objectives === 0 && team.teamId !== null ? null : (
        <div className="cad-company__toggle">
          <Button
            appearance="subtle"
            aria-expanded={open}
            aria-controls={`${id}-objectives`}
            onClick={() => {
              setOpen((o) => !o);
            }}
          >
            {open ? t('macro.company.close') : t('macro.company.open', { count: team.objectives })}
          </Button>
        </div>
      )}
      <div id={`${id}-objectives`}>
        {open ? <TeamObjectives team={team.teamId ?? ''} name={name} only={status} options={options} /> : null}
      </div>
    </section>
  );
}

/**
 * The whole company as a scorecard of every team (scorecard.get byTeam): one section per team with its
 * figures, counts by status and team score, all from one small answer; a team's objectives load only
 * when its section opens, so the page stays within Forge's budgets at any size. The company's counts
 * filter the teams (and what an opened team lists). Drafts count in no figure (the backend's rule).
 */
export function CompanyScorecard({
  scorecard,
  includeKeyResults,
  includeInitiatives,
}: {
  scorecard: Scorecard;
  includeKeyResults: boolean;
  includeInitiatives: boolean;
}) {
  const [only, setOnly] = useState<TrackStatus | undefined>(undefined);
  const { cycle, summary } = scorecard;
  const signal = signalOf(cycle);
  const teams = scorecard.teams ?? [];
  const shown = only === undefined ? teams : teams.filter((team) => team.tracks[only] > 0);
  // Each team's objectives at the same moment as the company's figures: frozen at theirs, else live.
  const asOf: AsOf = scorecard.frozen?.asOf ?? LIVE;
  const options: Options = { cycleId: cycle.id, signal, includeKeyResults, includeInitiatives, asOf };
  return (
    <section className="cad-scorecard cad-company" aria-labelledby="company-title">
      <header className="cad-scorecard__header">
        <h2 id="company-title" className="cad-heading-medium">
          {t('macro.company.title', { cycle: cycle.name })}
        </h2>
        <p className="cad-subtle">
          {t('macro.tree.dates', {
            cycle: cycle.name,
            start: formatDay(cycle.startDate),
            end: formatDay(cycle.endDate),
          })}
        </p>
        <p className="cad-text cad-scorecard__summary">{figureWords(summary, true)}</p>
        <p className="cad-subtle">{t('macro.company.intro', { cycle: cycle.name })}</p>
        {signal === 'pace' ? (
          <StatusSummaryBar summary={summary.tracks} what="objective" selected={only} onSelect={setOnly} />
        ) : (
          <p className="cad-subtle">{t('macro.company.gradeNote')}</p>
        )}
      </header>
      {teams.length === 0 ? (
        <p className="cad-subtle">{t('macro.company.empty', { cycle: cycle.name })}</p>
      ) : shown.length === 0 && only !== undefined ? (
        <p className="cad-subtle">{t('macro.company.noneInStatus', { status: trackWords(only).toLowerCase() })}</p>
      ) : (
        <div className="cad-company__teams" aria-label={t('macro.company.teams')} role="list">
          {shown.map((team) => (
            <div role="listitem" key={team.teamId ?? ''}>
              <TeamSection team={team} companyOnly={only} options={options} />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
