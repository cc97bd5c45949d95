import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Me } from '../../../../src/contract';
import type { ForgeContext } from '../../app/context';
import { t } from '../../app/i18n';
import { mount } from '../../app/mount';
import { prefetched, settledValue } from '../../api/settled';
import { useAsync } from '../../api/use-api';
import { LoadingState } from '../../components/states';
import type { AdminSection } from '../admin/sections';
import { SettingsButton } from '../admin/settings-button';
import { BoardPage } from './board-page';
import type { RouteHistory } from './board-route';
import { parseRoute } from './board-route';
import type { BoardStart } from './board-start';
import { restartBoard } from './board-start';
import { ReviewOpener, useReviewRoute } from './review/review-route';

/** The settings view (views/admin), a chunk of its own: most board visits never open it. */
const AdminApp = lazy(() => import('../admin/admin-app'));
/** The grading view (Review), a chunk of its own: opened at the end of a cycle. */
const ReviewApp = lazy(() => import('./review/review-app'));

/** The location with `?settings=` set to `section`, or removed; every other part of the URL kept. */
const withSettings = (history: RouteHistory, section: AdminSection | undefined) => {
  const query = new URLSearchParams(history.location.search);
  if (section === undefined) query.delete('settings');
  else query.set('settings', section);
  const search = query.toString();
  return { pathname: history.location.pathname, search: search === '' ? '' : `?${search}` };
};

/** `?settings=<section>` of the page URL, followed both ways (Back closes the settings). */
const useSettingsRoute = (start: BoardStart) => {
  const [section, setSection] = useState<AdminSection | undefined>(undefined);
  const history = useRef<RouteHistory | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let unlisten: (() => void) | undefined;
    void start.route.then(({ history: h, route }) => {
      if (!live) return;
      setSection(route.settings);
      if (h === undefined) return;
      history.current = h;
      unlisten = h.listen((location) => {
        setSection(parseRoute(location).settings);
      });
    });
    return () => {
      live = false;
      unlisten?.();
    };
  }, [start]);
  const go = useCallback((next: AdminSection | undefined, how: 'push' | 'replace') => {
    setSection(next);
    const h = history.current;
    if (h !== undefined) h[how](withSettings(h, next));
  }, []);
  return { section, go };
};

function BoardWithSettings({
  start,
  me,
  meNow,
}: {
  start: BoardStart;
  me: Promise<Me>;
  /** `me` if it has arrived: read before the first render, so that render shows it. */
  meNow: () => Me | undefined;
}) {
  const viewer = useAsync(() => me, [me], meNow);
  const { section, go } = useSettingsRoute(start);
  const { review, go: goReview } = useReviewRoute(start);
  // A cycle closed from the review changes cycles under the board: it is built again, from the URL as it is then.
  const [board, setBoard] = useState({ key: 0, start });
  const open = section !== undefined || review !== undefined;
  const openReview = useCallback(
    (cycleId: string) => {
      goReview({ cycleId, team: undefined }, 'push');
    },
    [goReview],
  );
  return (
    <>
      {/* The board stays mounted under the settings and the review, so closing them returns to it as it was. */}
      <div hidden={open}>
        <SettingsButton
          me={viewer.data}
          onOpen={() => {
            go('teams', 'push');
          }}
        />
        <ReviewOpener value={openReview}>
          <BoardPage key={board.key} start={board.start} />
        </ReviewOpener>
      </div>
      {review !== undefined && section === undefined ? (
        <Suspense fallback={<LoadingState label={t('review.loading')} />}>
          <ReviewApp
            route={review}
            me={viewer.data}
            onTeam={(team) => {
              goReview({ ...review, team }, 'replace');
            }}
            onClose={() => {
              goReview(undefined, 'push');
            }}
            onCycleClosed={(closed, target) => {
              goReview(undefined, 'push', (target ?? closed).id);
              setBoard((b) => ({
                key: b.key + 1,
                start: restartBoard(start),
              }));
            }}
          />
        </Suspense>
      ) : null}
      {open ? (
        <Suspense fallback={<LoadingState label={t('admin.load.loading')} />}>
          <AdminApp
            section={section}
            onSection={(next) => {
              go(next, 'replace');
            }}
            onClose={() => {
              go(undefined, 'push');
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}

/** React and the board, loaded by main.tsx once it has started the first calls. */
export const renderBoard = (start: BoardStart, context: Promise<ForgeContext>): void => {
  // One me.get for the board and the settings button: the button reads the prefetched answer, the
  // board gets it too (its first load, or its first render if it is in by then), and later loads ask again.
  const me = start.me.get();
  const shared: BoardStart = { ...start, me: prefetched(me, () => start.me.get()) };
  // Created here, before mount, so an answer already in is readable by the first render.
  const meNow = settledValue(me);
  mount(() => <BoardWithSettings start={shared} me={me} meNow={meNow} />, context);
};
