import { useId } from 'react';
import type { Coverage, Cycle } from '../../../../src/contract';
import { useChunkWords } from '../../app/use-chunk-words';
import { t } from '../../app/i18n';
import { Button } from '../../components/button';
import { useModalDialog } from '../../components/use-modal-dialog';
import { CoverageList, CoverageSummary } from './coverage-list';
import './coverage.css';

/**
 * "Work without an objective": the uncovered epics behind the board's coverage figure, in a modal
 * native <dialog> at the frame's right edge (WAI-ARIA APG "Dialog (Modal)": the board is inert behind
 * it, Tab and Shift+Tab wrap inside it rather than leaving the frame, the heading takes focus on open,
 * Escape or Close gives focus back to the figure that opened it). The list is the filtered view of the
 * work; linking an epic from it reloads the figure, and the epic leaves the list.
 */
export default function CoverageDialog({
  coverage,
  cycle,
  loading,
  onLinked,
  onClose,
}: {
  coverage: Coverage;
  cycle: Cycle;
  loading: boolean;
  onLinked: () => void;
  onClose: () => void;
}) {
  // Its words come with it (app/chunk-words.ts); the figure's Suspense shows nothing meanwhile.
  useChunkWords('coverage');
  const headingId = useId();
  const { dialog, heading, close, onKeyDown } = useModalDialog(onClose);

  const team = coverage.teams.length === 1 ? coverage.teams[0] : undefined;
  return (
    <dialog
      ref={dialog}
      className="cad-side-dialog cad-coverage-dialog"
      aria-labelledby={headingId}
      aria-busy={loading}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        // The browser's own Escape (focus on the dialog itself): closed our way, so focus goes back.
        e.preventDefault();
        close();
      }}
    >
      <div className="cad-side-dialog__head cad-coverage-dialog__head">
        <h2
          id={headingId}
          ref={heading}
          tabIndex={-1}
          className="cad-heading-medium cad-side-dialog__heading cad-coverage-dialog__heading"
        >
          {t('coverage.dialog.title')}
        </h2>
        <Button appearance="subtle" onClick={close}>
          {t('coverage.dialog.close')}
        </Button>
      </div>
      <div className="cad-side-dialog__body cad-coverage-dialog__body">
        <p className="cad-subtle">
          {t('coverage.dialog.intro', {
            scope:
              team === undefined ? t('coverage.dialog.scopeAll') : t('coverage.dialog.scopeTeam', { team: team.name }),
            cycle: cycle.name,
          })}
        </p>
        <CoverageSummary coverage={coverage} />
        <CoverageList coverage={coverage} cycle={cycle} onLinked={onLinked} />
      </div>
    </dialog>
  );
}
