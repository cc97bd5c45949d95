import { Suspense, useState } from 'react';
import { useChunkWords } from '../app/use-chunk-words';
import { t } from '../app/i18n';
import { LeftOutSection } from './left-out-section';
import { LoadingState } from './states';
import './left-out.css';

/**
 * The board's "Not this cycle" disclosure near the summary, following its team filter: the company's
 * list, and the filtered team's beside it. Closed by default; the lists are read when it first opens,
 * so the board's first screen costs nothing more.
 */
export function LeftOutBoard({
  cycleId,
  teamId,
  teamName,
}: {
  cycleId: string;
  teamId: string | undefined;
  teamName: string | undefined;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="cad-left-out-board"
      data-left-out-board=""
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary>{t('leftout.board.summary')}</summary>
      {opened ? (
        <Suspense fallback={<LoadingState inline />}>
          <LeftOutBoardLists cycleId={cycleId} teamId={teamId} teamName={teamName} />
        </Suspense>
      ) : null}
    </details>
  );
}

/** The lists, once the disclosure opened (their words come with them: chunk-words.ts). */
function LeftOutBoardLists({
  cycleId,
  teamId,
  teamName,
}: {
  cycleId: string;
  teamId: string | undefined;
  teamName: string | undefined;
}) {
  useChunkWords('leftout');
  return (
    <>
      <p className="cad-subtlest">{t('leftout.section.explanation')}</p>
      <div className="cad-left-out-board__lists">
        <LeftOutSection
          cycleId={cycleId}
          title={t('leftout.board.company')}
          headingId={`left-out-board-company-${cycleId}`}
          explain={false}
        />
        {teamId === undefined ? null : (
          <LeftOutSection
            cycleId={cycleId}
            teamId={teamId}
            title={t('leftout.board.team', { team: teamName ?? teamId })}
            headingId={`left-out-board-team-${teamId}`}
            explain={false}
          />
        )}
      </div>
    </>
  );
}
