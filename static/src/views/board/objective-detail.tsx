import { useState } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import type { KeyResultView, ObjectiveView } from '../../../../src/contract';
import { KEY_RESULTS_PER_OBJECTIVE } from '../../../../src/domain/lint';
import { api } from '../../api/client';
import { t } from '../../app/i18n';
import { ObjectiveLink } from '../../app/links';
import { useAsync } from '../../api/use-api';
import { WriteButton } from '../../components/read-only';
import { CheckInForm } from '../../components/check-in-form';
import { KeyResultRow } from '../../components/key-result-row';
import { Lozenge } from '../../components/lozenge';
import { Owner } from '../../components/owner';
import { AuthorshipLine } from './authorship-line';
import { CarriedLessons } from './review/lessons-aside';
import { KpiLink } from '../../components/kpi-link';
import { formatScore } from '../../components/format';
import { ScoreBar } from '../../components/score-bar';
import { ErrorState, LoadingState } from '../../components/states';
import type { Signal } from '../../components/status';
import { barStatus, signalOf, StatusLozenge } from '../../components/status';
import { EpicSearch } from './epic-search';
import { LinkedEpics } from './linked-epics';
import type { PanelProps } from './panel-props';
import { QualityHints } from './quality-hints';

/**
 * An objective's title that opens it: a plain click shows it in this panel (the board is already here),
 * while the link itself (G1's ObjectiveLink: the board route with ?objective=) serves a new tab, a copied
 * address and screen readers' link lists.
 */
function InBoardObjectiveLink({
  objectiveId,
  cycleId,
  open,
  children,
}: {
  objectiveId: string;
  cycleId: string | undefined;
  open: PanelProps['open'];
  children: ReactNode;
}) {
  const here = (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    e.stopPropagation();
    open({ kind: 'objective', objectiveId });
  };
  return (
    <span onClickCapture={here}>
      <ObjectiveLink objectiveId={objectiveId} cycleId={cycleId}>
        {children}
      </ObjectiveLink>
    </span>
  );
}

/** The method's KR count, said the same way as the lint: the rule and the recommendation. */
const shapeParams = { ...KEY_RESULTS_PER_OBJECTIVE };

/**
 * The objective's place in the alignment: the parent it is aligned to and the objectives aligned to it,
 * as far as the board has loaded them (each opens in the panel).
 */
function Alignment({ objective: o, props }: { objective: ObjectiveView; props: PanelProps }) {
  const { index, cycle, open } = props;
  const parent = o.parentObjectiveId === undefined ? undefined : index?.byId.get(o.parentObjectiveId)?.objective;
  const entry = index?.byId.get(o.id);
  const children = (entry?.childIds ?? []).flatMap((id) => index?.byId.get(id)?.objective ?? []);
  if (parent === undefined && children.length === 0) return null;
  return (
    <div className="cad-stack cad-detail-alignment">
      {parent === undefined ? null : (
        <p className="cad-text">
          {t('editor.detail.alignedTo')}:{' '}
          <InBoardObjectiveLink objectiveId={parent.id} cycleId={cycle?.id} open={open}>
            {parent.title}
          </InBoardObjectiveLink>
        </p>
      )}
      {children.length === 0 ? null : (
        <details className="cad-detail-alignment__children">
          <summary>{t('editor.detail.alignedBelow', { count: entry?.childCount ?? children.length })}</summary>
          <ul className="cad-list">
            {children.map((c) => (
              <li key={c.id}>
                <InBoardObjectiveLink objectiveId={c.id} cycleId={cycle?.id} open={open}>
                  {c.title}
                </InBoardObjectiveLink>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/**
 * An objective opened from the board: everything objectives.get knows (every KR with its epics, as the
 * viewer may see them), its full quality findings with message and fix (lint.run; the board carries
 * only their rule ids), and the actions: edit, add a KR, check in, link and unlink epics.
 */
export function ObjectiveDetail(props: PanelProps & { objectiveId: string }) {
  const { objectiveId, cycle, index } = props;
  const view = useAsync(() => api['objectives.get']({ id: objectiveId }), [objectiveId]);
  const lint = useAsync(
    () =>
      cycle === undefined ? Promise.resolve({ findings: [] }) : api['lint.run']({ cycleId: cycle.id, objectiveId }),
    [cycle?.id, objectiveId, view.data],
  );

  if (view.data === undefined) {
    return view.status === 'error' ? (
      <ErrorState error={view.error} reload={view.reload} />
    ) : (
      <LoadingState inline label={t('editor.detail.loading')} />
    );
  }
  const o = view.data;
  const changed = () => {
    view.reload();
    props.saved();
  };
  const findings = lint.data?.findings ?? [];
  const teamName = o.teamId === undefined ? undefined : index?.teamNames.get(o.teamId);
  const kpi = o.kpiId === undefined ? undefined : index?.kpis.get(o.kpiId);
  const signal: Signal = cycle === undefined ? 'pace' : signalOf(cycle);
  const barOf = (x: ObjectiveView) => {
    const b = barStatus(signal, x.track, x.band);
    return { band: b.tone, words: b.words };
  };

  return (
    <article className="cad-stack" aria-labelledby={`objective-${o.id}`} data-objective-id={o.id}>
      <h3 id={`objective-${o.id}`} className="cad-heading-small">
        {o.title}
      </h3>
      <div className="cad-inline">
        <Lozenge>{t(`editor.level.${o.level}`)}</Lozenge>
        {teamName === undefined ? null : <span className="cad-subtle">{teamName}</span>}
        {o.status === 'draft' ? <Lozenge appearance="new">{t('editor.detail.draft')}</Lozenge> : null}
      </div>
      <div className="cad-inline">
        <Owner accountId={o.ownerAccountId} role={t('editor.detail.owner')} />
        {o.reviewerAccountId === undefined ? (
          <span className="cad-subtle">{t('editor.detail.noReviewer')}</span>
        ) : (
          <Owner accountId={o.reviewerAccountId} role={t('editor.detail.reviewer')} />
        )}
      </div>
      <AuthorshipLine authorship={o.authorship} />
      {o.lessons === undefined ? null : <CarriedLessons lessons={o.lessons} />}
      {kpi === undefined ? null : (
        <p className="cad-text" data-objective-kpi={kpi.id}>
          <KpiLink
            kpi={kpi}
            projectKey={kpi.teamId === undefined ? undefined : index?.teamProjects.get(kpi.teamId)}
            long
          />
        </p>
      )}
      <Alignment objective={o} props={props} />
      <div className="cad-inline">
        <StatusLozenge signal={signal} track={o.track} band={o.band} />
        <ScoreBar score={o.score} {...barOf(o)} />
        {o.rollup !== null && o.rollup !== o.score ? (
          <span className="cad-subtle">{t('editor.detail.rollup', { score: formatScore(o.rollup) })}</span>
        ) : null}
      </div>
      {o.description === undefined || o.description === '' ? null : <p className="cad-text">{o.description}</p>}
      {o.canEdit ? (
        <div className="cad-inline">
          <WriteButton
            onClick={() => {
              props.open({ kind: 'objective-form', objectiveId: o.id });
            }}
          >
            {t('editor.detail.edit')}
          </WriteButton>
          <WriteButton
            appearance="primary"
            onClick={() => {
              props.open({ kind: 'key-result-form', objectiveId: o.id });
            }}
          >
            {t('editor.detail.addKeyResult')}
          </WriteButton>
        </div>
      ) : null}

      <section className="cad-stack" aria-labelledby={`krs-${o.id}`}>
        <h3 id={`krs-${o.id}`} className="cad-heading-xsmall">
          {t('editor.detail.keyResults')}
        </h3>
        {o.keyResults.length === 0 ? (
          <p className="cad-subtle">{t('editor.shape.none', shapeParams)}</p>
        ) : o.keyResults.length < shapeParams.min || o.keyResults.length > shapeParams.recommendedMax ? (
          <p className="cad-subtle">{t('editor.shape.has', { ...shapeParams, count: o.keyResults.length })}</p>
        ) : null}
        {o.keyResults.map((kr) => (
          <DetailKeyResult key={kr.id} objective={o} keyResult={kr} signal={signal} props={props} onChanged={changed} />
        ))}
      </section>
      <details className="cad-stack cad-detail-quality" aria-labelledby={`quality-${o.id}`}>
        <summary>
          <h3 id={`quality-${o.id}`} className="cad-heading-xsmall cad-detail-quality__title">
            {lint.data === undefined
              ? t('editor.detail.quality')
              : findings.length === 0
                ? t('editor.detail.qualityNone')
                : t('editor.detail.qualityCount', { count: findings.length })}
          </h3>
        </summary>
        {lint.status === 'error' ? (
          <ErrorState error={lint.error} reload={lint.reload} title={t('editor.detail.qualityFailed')} />
        ) : lint.data === undefined ? (
          <LoadingState inline label={t('editor.detail.qualityLoading')} />
        ) : (
          <QualityHints findings={findings} empty={t('editor.detail.qualityEmpty')} />
        )}
      </details>
    </article>
  );
}

function DetailKeyResult({
  objective,
  keyResult: kr,
  signal,
  props,
  onChanged,
}: {
  objective: ObjectiveView;
  keyResult: KeyResultView;
  signal: Signal;
  props: PanelProps;
  onChanged: () => void;
}) {
  const [checkingIn, setCheckingIn] = useState(false);
  return (
    <div className="cad-card cad-detail-kr">
      <KeyResultRow
        keyResult={kr}
        signal={signal}
        headingLevel={4}
        actions={
          <span className="cad-inline">
            {kr.canCheckIn ? (
              <WriteButton
                appearance="subtle"
                aria-expanded={checkingIn}
                onClick={() => {
                  setCheckingIn((v) => !v);
                }}
              >
                {t('editor.detail.checkIn')}
                <span className="cad-visually-hidden"> {t('editor.detail.checkInOn', { title: kr.title })}</span>
              </WriteButton>
            ) : null}
            {objective.canEdit ? (
              <WriteButton
                appearance="subtle"
                onClick={() => {
                  props.open({ kind: 'key-result-form', objectiveId: objective.id, keyResultId: kr.id });
                }}
              >
                {t('editor.detail.editKeyResult')}
                <span className="cad-visually-hidden"> {kr.title}</span>
              </WriteButton>
            ) : null}
          </span>
        }
      >
        {checkingIn ? <CheckInForm keyResult={kr} onCheckedIn={onChanged} /> : null}
        <LinkedEpics initiatives={kr.initiatives} canEdit={objective.canEdit} onChanged={onChanged} />
        {objective.canEdit ? <EpicSearch keyResultId={kr.id} keyResultTitle={kr.title} onLinked={onChanged} /> : null}
      </KeyResultRow>
    </div>
  );
}
