import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Cycle, IssuePanel } from '../../../../src/contract';
import { t } from '../../app/i18n';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { epicProgressWords } from '../../components/initiative-list';
import { KeyResultCheckIn, ObjectiveLine } from '../../components/key-result-check-in';
import { levelWords } from '../../components/objective-tree';
import { ProgressBar } from '../../components/progress-bar';
import { WriteButton } from '../../components/read-only';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import './panel.css';

/** Linking is occasional: its picker (and the board read it needs) loads on demand. */
const LinkEpic = lazy(() => import('./link-epic'));

const load = async (): Promise<{ panel: IssuePanel; cycles: Cycle[] }> => {
  const [panel, { cycles }] = await Promise.all([api['issuePanel.get']({}), api['cycles.list']({})]);
  return { panel, cycles };
};

function EpicProgress({ progress }: { progress: NonNullable<IssuePanel['epicProgress']> }) {
  const words = epicProgressWords(progress);
  return (
    <section className="cad-stack" aria-labelledby="epic-progress-heading">
      <h2 id="epic-progress-heading" className="cad-heading-xsmall">
        {t('panel.epicProgress')}
      </h2>
      <div className="cad-inline">
        <ProgressBar ratio={progress.ratio} label={words} />
        <span className="cad-subtle">{words}</span>
      </div>
      {progress.addedAfterStart > 0 ? (
        <p className="cad-subtle">{t('panel.scopeAdded', { count: progress.addedAfterStart })}</p>
      ) : null}
    </section>
  );
}

/**
 * The check-in panel on a Jira epic: the epic's own progress from its child issues, then every KR the
 * epic serves with the weekly check-in form, the history chart and the latest check-ins, and a way to
 * link the epic to another KR.
 */
export function PanelView({ issueKey }: { issueKey: string | undefined }) {
  const data = useAsync(load, []);
  const [linking, setLinking] = useState(false);
  // When the picker closes, keyboard focus returns to the button that opened it.
  const linkButton = useRef<HTMLButtonElement>(null);
  const wasLinking = useRef(false);
  useEffect(() => {
    if (wasLinking.current && !linking) linkButton.current?.focus();
    wasLinking.current = linking;
  }, [linking]);

  if (data.data === undefined) {
    return data.status === 'error' ? (
      <main className="cad-view cad-view--compact">
        <ErrorState error={data.error} reload={data.reload} title={t('panel.loadFailed')} />
      </main>
    ) : (
      <main className="cad-view cad-view--compact">
        <LoadingState label={t('panel.loadingKeyResults')} />
      </main>
    );
  }
  const { panel, cycles } = data.data;
  const cycleById = new Map(cycles.map((c) => [c.id, c]));
  const key = issueKey ?? panel.issue.key;

  return (
    <main className="cad-view cad-view--compact" aria-label={t('panel.label', { key })}>
      {data.status === 'error' ? (
        <ErrorState error={data.error} reload={data.reload} title={t('panel.refreshFailed')} />
      ) : null}
      {panel.epicProgress === null ? (
        panel.isEpic ? null : (
          <p className="cad-subtle">{t('panel.notEpic', { key })}</p>
        )
      ) : (
        <EpicProgress progress={panel.epicProgress} />
      )}

      <section className="cad-stack" aria-labelledby="served-heading">
        <div className="cad-inline cad-inline--spread">
          <h2 id="served-heading" className="cad-heading-xsmall">
            {panel.keyResults.length === 0
              ? t('panel.keyResults')
              : t('panel.servedKeyResults', { count: panel.keyResults.length })}
          </h2>
          {linking || !panel.isEpic ? null : (
            <WriteButton
              ref={linkButton}
              onClick={() => {
                setLinking(true);
              }}
            >
              {t('panel.linkButton')}
            </WriteButton>
          )}
        </div>
        {linking ? (
          <Suspense fallback={<LoadingState inline label={t('panel.loadingPicker')} />}>
            <LinkEpic
              issueKey={key}
              cycles={cycles}
              linkedKeyResultIds={panel.keyResults.map((r) => r.keyResult.id)}
              onDone={(linked) => {
                setLinking(false);
                if (linked) data.reload();
              }}
            />
          </Suspense>
        ) : null}
        {panel.keyResults.length === 0 && linking ? null : panel.keyResults.length === 0 ? (
          <EmptyState title={t('panel.empty.title')} description={t('panel.empty.description')} />
        ) : (
          panel.keyResults.map(({ keyResult, objective, cycleName, recentCheckIns }) => (
            <KeyResultCheckIn
              key={keyResult.id}
              keyResult={keyResult}
              cycle={cycleById.get(objective.cycleId)}
              history="open"
              showInitiatives
              recentCheckIns={recentCheckIns}
              onCheckedIn={data.reload}
              context={
                <ObjectiveLine objective={objective} level={levelWords(objective.level)} cycleName={cycleName} />
              }
            />
          ))
        )}
      </section>
    </main>
  );
}
