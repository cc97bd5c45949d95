import { useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Cycle, Me, Team } from '../../../../src/contract';
import { proposedCycleWindow } from '../../../../src/domain/form-defaults';
import { KEY_RESULTS_PER_OBJECTIVE } from '../../../../src/domain/lint';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { useChunkWords } from '../../app/use-chunk-words';
import { t } from '../../app/i18n';
import { Button } from '../../components/button';
import { formatDay } from '../../components/format';
import { WriteButton } from '../../components/read-only';
import { LoadingState } from '../../components/states';
import { TeamSuggestions } from '../admin/team-suggestions';
import { InviteOwners } from './getting-started-invite';
import type { GuideChoices, StepId } from './getting-started-steps';
import { doneSteps, STEP_IDS } from './getting-started-steps';
import './getting-started.css';

export interface GettingStartedProps {
  readonly me: Me | undefined;
  readonly cycles: readonly Cycle[];
  /** The cycle on the board, if any. */
  readonly cycle: Cycle | undefined;
  /** Objectives in that cycle; undefined while its board loads. */
  readonly objectiveCount: number | undefined;
  readonly choices: GuideChoices;
  readonly onChoices: (choices: GuideChoices) => void;
  readonly onCreateCycle: () => void;
  readonly onWriteObjective: () => void;
  /** Teams were created or changed: the board reloads its teams. */
  readonly onTeamsChanged: () => void;
}

/** Who administers OKRs, for those who cannot do a step themselves (settings.get: anyone may read it). */
function AskAdmin({ what }: { what: string }) {
  const settings = useAsync(() => api['settings.get']({}), []);
  const group = settings.data?.adminGroup?.name;
  return (
    <p className="cad-text cad-guide__ask">
      {group === undefined ? t('start.ask', { what }) : t('start.askGroup', { what, group })}
    </p>
  );
}

type StepState = 'done' | 'skipped' | 'open';

function Step({
  id,
  n,
  state,
  title,
  doneText,
  children,
  onSkip,
  onUndoSkip,
  keepOpen = false,
}: {
  id: StepId;
  n: number;
  state: StepState;
  title: string;
  doneText: string;
  children: ReactNode;
  onSkip: () => void;
  onUndoSkip: () => void;
  /** Its body stays when done (the board link to share is useful any time). */
  keepOpen?: boolean;
}) {
  const headingId = useId();
  return (
    <li className="cad-guide__step" data-step={id} data-state={state} aria-labelledby={headingId}>
      <span className="cad-guide__marker" aria-hidden="true">
        {state === 'done' ? '✓' : String(n)}
      </span>
      <div className="cad-stack cad-guide__body">
        <h3 id={headingId} className="cad-heading-xsmall">
          {title}
          <span className="cad-visually-hidden">
            {' '}
            (
            {state === 'done'
              ? t('start.state.done')
              : state === 'skipped'
                ? t('start.state.skipped')
                : t('start.state.open')}
            )
          </span>
        </h3>
        {state === 'done' ? (
          <>
            <p className="cad-subtle">{doneText}</p>
            {keepOpen ? children : null}
          </>
        ) : state === 'skipped' ? (
          <div className="cad-inline">
            <p className="cad-subtle">{t('start.skippedText')}</p>
            <Button appearance="subtle" onClick={onUndoSkip} aria-label={t('start.showStep', { title })}>
              {t('start.show')}
            </Button>
          </div>
        ) : (
          <>
            {children}
            <div>
              <Button appearance="subtle" onClick={onSkip} aria-label={t('start.skipStep', { title })}>
                {t('start.skip')}
              </Button>
            </div>
          </>
        )}
      </div>
    </li>
  );
}

/**
 * Getting started (issue #12): from an empty board to the first objective in four steps: the current
 * quarter's cycle, teams from Jira projects, the first company objective with the method's guidance, and
 * the owners. Each step is done when the data says so, and can be skipped; none blocks another (the
 * objective needs a cycle, so it says so). OKR admins do the first two; others are told whom to ask.
 */
export default function GettingStarted(props: GettingStartedProps) {
  // Its words come with it (locales/<locale>/chunks/start.json); the board's <Suspense> shows meanwhile.
  useChunkWords('start');
  const { me, cycles, cycle, objectiveCount, choices, onChoices } = props;
  const headingId = useId();
  const teams = useAsync(() => api['teams.list']({}), []);
  const [created, setCreated] = useState<readonly Team[]>([]);
  const teamList = useMemo(() => {
    const known = teams.data?.teams ?? [];
    return [...known, ...created.filter((c) => !known.some((k) => k.id === c.id))];
  }, [teams.data, created]);
  const admin = me?.isOkrAdmin === true;
  const done = doneSteps({
    cycleCount: cycles.length,
    teams: teams.data === undefined ? undefined : teamList,
    objectiveCount,
  });
  const stateOf = (step: StepId): StepState =>
    done.has(step) ? 'done' : choices.skipped.has(step) ? 'skipped' : 'open';
  const setSkipped = (step: StepId, skip: boolean) => {
    const skipped = new Set(choices.skipped);
    if (skip) skipped.add(step);
    else skipped.delete(step);
    onChoices({ ...choices, skipped });
  };
  const proposed = proposedCycleWindow('quarterly', cycles, new Date());
  const doneCount = STEP_IDS.filter((s) => done.has(s)).length;
  const teamsChanged = (team: Team) => {
    setCreated((c) => [...c, team]);
    teams.reload();
    props.onTeamsChanged();
  };
  const stepProps = (step: StepId) => ({
    id: step,
    n: STEP_IDS.indexOf(step) + 1,
    state: stateOf(step),
    onSkip: () => {
      setSkipped(step, true);
    },
    onUndoSkip: () => {
      setSkipped(step, false);
    },
  });

  return (
    <section className="cad-guide" aria-labelledby={headingId} data-testid="getting-started">
      <div className="cad-inline cad-inline--spread">
        <h2 id={headingId} className="cad-heading-medium">
          {t('start.title')}
        </h2>
        <Button
          appearance="subtle"
          onClick={() => {
            onChoices({ ...choices, dismissed: true });
          }}
        >
          {t('start.hide')}
        </Button>
      </div>
      <p className="cad-text">{t('start.intro')}</p>
      <p className="cad-subtle" role="status">
        {t('start.progress', { done: doneCount, count: STEP_IDS.length })}
      </p>
      {teams.data === undefined && teams.status !== 'error' ? <LoadingState inline /> : null}
      <ol className="cad-guide__steps">
        <Step
          {...stepProps('cycle')}
          title={t('start.cycle.title')}
          doneText={
            cycle === undefined
              ? ''
              : t('start.cycle.done', {
                  name: cycle.name,
                  start: formatDay(cycle.startDate),
                  end: formatDay(cycle.endDate),
                })
          }
        >
          <p className="cad-text">
            {t('start.cycle.text', {
              name: proposed.name,
              start: formatDay(proposed.startDate),
              end: formatDay(proposed.endDate),
            })}
          </p>
          {admin ? (
            <div>
              <WriteButton appearance="primary" onClick={props.onCreateCycle}>
                {t('start.cycle.action', { name: proposed.name })}
              </WriteButton>
            </div>
          ) : (
            <AskAdmin what={t('start.cycle.ask')} />
          )}
        </Step>
        <Step
          {...stepProps('teams')}
          title={t('start.teams.title')}
          keepOpen={admin}
          doneText={t('start.teams.done', {
            count: teamList.length,
            names: teamList.map((team) => team.name).join(', '),
          })}
        >
          <p className="cad-text">{t('start.teams.text')}</p>
          {admin ? (
            <TeamSuggestions teams={teamList} onCreated={teamsChanged} headingLevel={4} />
          ) : (
            <AskAdmin what={t('start.teams.ask')} />
          )}
        </Step>
        <Step
          {...stepProps('objective')}
          title={t(admin ? 'start.objective.title' : 'start.objective.titleTeam')}
          doneText={t('start.objective.done', { count: objectiveCount ?? 0 })}
        >
          <ul className="cad-guide__advice">
            <li>{t('start.objective.words')}</li>
            <li>{t('start.objective.keyResults', { ...KEY_RESULTS_PER_OBJECTIVE })}</li>
            <li>{t('start.objective.examples')}</li>
          </ul>
          {cycle === undefined ? (
            <p className="cad-subtle">{t('start.objective.needsCycle')}</p>
          ) : cycle.status === 'closed' ? (
            <p className="cad-subtle">{t('start.objective.closed', { name: cycle.name })}</p>
          ) : (
            <div>
              <WriteButton appearance="primary" onClick={props.onWriteObjective}>
                {t(admin ? 'start.objective.action' : 'start.objective.actionTeam')}
              </WriteButton>
            </div>
          )}
        </Step>
        <Step {...stepProps('owners')} title={t('start.owners.title')} doneText={t('start.owners.done')} keepOpen>
          <InviteOwners admin={admin} teams={teamList} cycle={cycle} onTeamChanged={teamsChanged} />
        </Step>
      </ol>
    </section>
  );
}
