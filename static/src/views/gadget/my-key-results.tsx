import type { CycleView } from '../../../../src/contract';
import { formatDay, plural } from '../../components/format';
import { InitiativeSummaryLine } from '../../components/initiative-list';
import { KeyResultRow } from '../../components/key-result-row';
import { EmptyState } from '../../components/states';
import { signalOf } from '../../components/status';
import type { MyKeyResult } from './gadget-view';

/** The KRs I own, each under its objective's title, with the epics' summary. */
export function MyKeyResults({ cycle, rows }: { cycle: CycleView; rows: readonly MyKeyResult[] }) {
  const stale = rows.filter((r) => r.keyResult.stale).length;
  return (
    <section className="cad-stack" aria-labelledby="my-krs-title">
      <h2 id="my-krs-title" className="cad-heading-small">
        My key results · {cycle.name}
      </h2>
      <p className="cad-subtle">
        {plural(rows.length, 'key result')}
        {stale > 0 ? ` · ${stale} due for a check-in` : ''} · ends {formatDay(cycle.endDate)}
      </p>
      {rows.length === 0 ? (
        <EmptyState
          headingLevel={3}
          title="You own no key results in this cycle"
          description="Key results you own on any objective show here."
        />
      ) : (
        <ul className="cad-list cad-gadget__list">
          {rows.map(({ keyResult, objective }) => (
            <li key={keyResult.id} className="cad-gadget__item">
              <p className="cad-subtlest">{objective.title}</p>
              <KeyResultRow keyResult={keyResult} signal={signalOf(cycle)} headingLevel={3}>
                <InitiativeSummaryLine summary={keyResult.initiatives} />
              </KeyResultRow>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
