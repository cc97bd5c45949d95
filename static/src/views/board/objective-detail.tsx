import { useState } from 'react';
import type { KeyResultView, ObjectiveView } from '../../../../src/contract';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { WriteButton } from '../../components/read-only';
import { CheckInForm } from '../../components/check-in-form';
import { KeyResultRow } from '../../components/key-result-row';
import { Lozenge } from '../../components/lozenge';
import { Owner } from '../../components/owner';
import { ScoreBar } from '../../components/score-bar';
import { ErrorState, LoadingState } from '../../components/states';
import type { Signal } from '../../components/status';
import { barStatus, signalOf, StatusLozenge } from '../../components/status';
import { EpicSearch } from './epic-search';
import { LinkedEpics } from './linked-epics';
import { LEVEL_WORDS } from './objective-row';
import type { PanelProps } from './panel-props';
import { QualityHints } from './quality-hints';

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
      <LoadingState inline label="Loading the objective…" />
    );
  }
  const o = view.data;
  const changed = () => {
    view.reload();
    props.saved();
  };
  const findings = lint.data?.findings ?? [];
  const teamName = o.teamId === undefined ? undefined : index?.teamNames.get(o.teamId);
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
        <Lozenge>{LEVEL_WORDS[o.level]}</Lozenge>
        {teamName === undefined ? null : <span className="cad-subtle">{teamName}</span>}
        {o.status === 'draft' ? <Lozenge appearance="new">Draft</Lozenge> : null}
      </div>
      <div className="cad-inline">
        <Owner accountId={o.ownerAccountId} role="Owner" />
        {o.reviewerAccountId === undefined ? (
          <span className="cad-subtle">No reviewer</span>
        ) : (
          <Owner accountId={o.reviewerAccountId} role="Reviewer" />
        )}
      </div>
      <div className="cad-inline">
        <StatusLozenge signal={signal} track={o.track} band={o.band} />
        <ScoreBar score={o.score} {...barOf(o)} />
        {o.rollup !== null && o.rollup !== o.score ? (
          <span className="cad-subtle">Roll-up {o.rollup.toFixed(2)}</span>
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
            Edit objective
          </WriteButton>
          <WriteButton
            appearance="primary"
            onClick={() => {
              props.open({ kind: 'key-result-form', objectiveId: o.id });
            }}
          >
            Add a key result
          </WriteButton>
        </div>
      ) : null}

      <section className="cad-stack" aria-labelledby={`krs-${o.id}`}>
        <h3 id={`krs-${o.id}`} className="cad-heading-xsmall">
          Key results
        </h3>
        {o.keyResults.length === 0 ? (
          <p className="cad-subtle">No key results yet: an objective needs 2 to 5.</p>
        ) : null}
        {o.keyResults.map((kr) => (
          <DetailKeyResult key={kr.id} objective={o} keyResult={kr} signal={signal} props={props} onChanged={changed} />
        ))}
      </section>
      <details className="cad-stack cad-detail-quality" aria-labelledby={`quality-${o.id}`}>
        <summary>
          <h3 id={`quality-${o.id}`} className="cad-heading-xsmall cad-detail-quality__title">
            Quality
            {lint.data === undefined ? '' : findings.length === 0 ? ': no findings' : `: ${String(findings.length)} finding${findings.length === 1 ? '' : 's'}`}
          </h3>
        </summary>
        {lint.status === 'error' ? (
          <ErrorState error={lint.error} reload={lint.reload} title="The quality check could not run" />
        ) : lint.data === undefined ? (
          <LoadingState inline label="Checking quality…" />
        ) : (
          <QualityHints findings={findings} empty="No quality findings: this objective follows the method." />
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
                Check in<span className="cad-visually-hidden"> on {kr.title}</span>
              </WriteButton>
            ) : null}
            {objective.canEdit ? (
              <WriteButton
                appearance="subtle"
                onClick={() => {
                  props.open({ kind: 'key-result-form', objectiveId: objective.id, keyResultId: kr.id });
                }}
              >
                Edit<span className="cad-visually-hidden"> {kr.title}</span>
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
