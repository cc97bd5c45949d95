import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Coverage, CoverageFigures, Cycle } from '../../../../src/contract';
import { t } from '../../app/i18n';
import { IssueLink } from '../../app/links';
import { formatNumber } from '../../components/format';
import { Lozenge } from '../../components/lozenge';
import { WriteButton } from '../../components/read-only';
import { LoadingState } from '../../components/states';
import './coverage.css';

/** The epic panel's link form, reused as is: it loads only when someone links an epic from the list. */
const LinkEpic = lazy(() => import('../panel/link-epic'));

/** The backend's ratio (0-1, 3 decimals) as whole percent for the view's language. */
export const coveragePercent = (ratio: number): string => formatNumber(Math.round(ratio * 100));

/** "Coverage 72%", or that nothing is in progress (no share to give). */
export const figureWords = (figures: CoverageFigures): string =>
  figures.ratio === null ? t('coverage.figureNone') : t('coverage.figure', { percent: coveragePercent(figures.ratio) });

/** "5 of 7 in-progress epics serve a key result", and each team's share when several are counted. */
export function CoverageSummary({ coverage }: { coverage: Coverage }) {
  const { total } = coverage;
  return (
    <div className="cad-stack cad-coverage__summary">
      <p className="cad-text">
        <strong>{figureWords(total)}</strong>
        {total.inProgress === 0 ? null : (
          <>
            {' · '}
            {t('coverage.summary', { covered: total.covered, count: total.inProgress })}
          </>
        )}
      </p>
      {coverage.teams.length < 2 ? null : (
        <ul className="cad-coverage__teams">
          {coverage.teams.map((team) => (
            <li key={team.teamId} className="cad-subtle">
              {team.ratio === null
                ? t('coverage.teamNone', { team: team.name })
                : t('coverage.teamFigure', { team: team.name, percent: coveragePercent(team.ratio) })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The uncovered epics (coverage.get's first `limit`), each a link to the issue with a one-click "Link to
 * a key result" that opens the epic panel's form (cycle, objective search, KR; initiatives.link) in
 * place. After a link, `onLinked` reloads the figures, the epic leaves the list and a status line
 * says so, holding focus so keyboard users are not dropped at the top of the page.
 */
export function CoverageList({
  coverage,
  cycle,
  onLinked,
}: {
  coverage: Coverage;
  cycle: Cycle;
  onLinked: () => void;
}) {
  const [linking, setLinking] = useState<string | undefined>(undefined);
  const [linked, setLinked] = useState<string | undefined>(undefined);
  const status = useRef<HTMLParagraphElement>(null);
  const list = useRef<HTMLUListElement>(null);

  // Once the status line says what was linked (it is hidden while empty, so not focusable before).
  useEffect(() => {
    if (linked !== undefined) status.current?.focus({ preventScroll: true });
  }, [linked]);

  const more = coverage.uncoveredCount - coverage.uncovered.length;
  return (
    <div className="cad-stack">
      <p ref={status} className="cad-subtle cad-coverage__status" role="status" tabIndex={-1}>
        {linked === undefined ? '' : t('coverage.list.linked', { key: linked })}
      </p>
      {coverage.total.inProgress === 0 ? (
        <p className="cad-subtle">{t('coverage.list.none')}</p>
      ) : coverage.uncoveredCount === 0 ? (
        <p className="cad-subtle">{t('coverage.list.allCovered')}</p>
      ) : (
        <ul ref={list} className="cad-coverage__list" aria-label={t('coverage.list.label')}>
          {coverage.uncovered.map((epic) => (
            <li key={epic.issueId} className="cad-coverage__epic" data-coverage-epic={epic.issueKey}>
              <div className="cad-coverage__epic-line">
                <IssueLink issueKey={epic.issueKey} />
                <span className="cad-coverage__summary-text">{epic.summary}</span>
                <Lozenge appearance="inprogress">{epic.statusName}</Lozenge>
                <WriteButton
                  appearance="subtle"
                  aria-expanded={linking === epic.issueKey}
                  aria-label={t('coverage.list.linkFor', { key: epic.issueKey })}
                  data-link-epic={epic.issueKey}
                  onClick={() => {
                    setLinking(linking === epic.issueKey ? undefined : epic.issueKey);
                  }}
                >
                  {t('coverage.list.link')}
                </WriteButton>
              </div>
              {linking === epic.issueKey ? (
                <Suspense fallback={<LoadingState inline />}>
                  <LinkEpic
                    issueKey={epic.issueKey}
                    cycles={[cycle]}
                    linkedKeyResultIds={[]}
                    onDone={(done) => {
                      setLinking(undefined);
                      if (done) {
                        setLinked(epic.issueKey);
                        onLinked();
                      } else {
                        list.current
                          ?.querySelector<HTMLElement>(`[data-link-epic="${CSS.escape(epic.issueKey)}"]`)
                          ?.focus({ preventScroll: true });
                      }
                    }}
                  />
                </Suspense>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {more > 0 ? <p className="cad-subtlest">{t('coverage.list.more', { count: more })}</p> : null}
    </div>
  );
}
