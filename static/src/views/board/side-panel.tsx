import { lazy, Suspense, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { t } from '../../app/i18n';
import { Button } from '../../components/button';
import { wrapTab } from '../../components/dialog-tab';
import { LoadingState } from '../../components/states';
import type { PanelProps } from './panel-props';
import type { PanelState } from './panel-state';
import { panelKey } from './panel-state';
import '../../components/side-dialog.css';
import './panel.css';

/**
 * Forms, the objective detail, the epic search and the quality lint load only when the panel first
 * opens: none of it is needed to show the board, so it stays out of the board's initial bundle.
 */
const PanelBody = lazy(() => import('./panel-body'));

/** From this frame width the panel sits beside the board (the list narrows); below it, a modal dialog. */
export const PUSH_MIN_WIDTH = 1200;
const PUSH_QUERY = `(min-width: ${String(PUSH_MIN_WIDTH)}px)`;

const titleOf = (p: PanelState): string => {
  switch (p.kind) {
    case 'objective':
      return t('editor.panel.objective');
    case 'objective-form':
      return p.objectiveId === undefined ? t('editor.panel.newObjective') : t('editor.panel.editObjective');
    case 'key-result-form':
      return p.keyResultId === undefined ? t('editor.panel.newKeyResult') : t('editor.panel.editKeyResult');
    case 'check-in':
      return t('editor.panel.checkIn');
    case 'cycle-form':
      return t('editor.panel.newCycle');
  }
};

/** Whether the frame is wide enough to push; follows resizes (a narrowed window turns the panel modal). */
const usePush = (): boolean => {
  const [push, setPush] = useState(() => window.matchMedia(PUSH_QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(PUSH_QUERY);
    const changed = () => {
      setPush(query.matches);
    };
    query.addEventListener('change', changed);
    return () => {
      query.removeEventListener('change', changed);
    };
  }, []);
  return push;
};

/**
 * Where focus goes back on close: what opened the panel if it is still there, else that objective's row
 * (the virtualised list may have re-rendered it after a save).
 */
const returnTarget = (opener: Element | null, objectiveId: string | undefined): HTMLElement | undefined => {
  if (opener instanceof HTMLElement && opener.isConnected) return opener;
  if (objectiveId === undefined) return undefined;
  const row = document.querySelector(`[data-objective-id="${CSS.escape(objectiveId)}"] [data-row-focus]`);
  return row instanceof HTMLElement ? row : undefined;
};

const objectiveOf = (p: PanelState): string | undefined =>
  p.kind === 'objective' || p.kind === 'objective-form' || p.kind === 'key-result-form' || p.kind === 'check-in'
    ? p.objectiveId
    : undefined;

/**
 * The side panel, a native <dialog>. From PUSH_MIN_WIDTH it is non-modal and pushes the board (panel.css
 * gives the board a right margin as wide as the panel, so nothing is covered). Narrower, it is modal
 * (showModal: the board is inert behind a backdrop, WAI-ARIA APG "Dialog (Modal)" pattern): Tab and
 * Shift+Tab wrap inside it instead of leaving the frame. Either way, opening it (or moving it to another
 * item) focuses its heading; Escape or Close closes it and gives focus back to what opened it.
 */
export function SidePanel(props: PanelProps) {
  const headingId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Read at the first render, before showModal moves focus into the dialog.
  const [opener] = useState(() => document.activeElement);
  const firstObjective = useRef(objectiveOf(props.panel));
  const key = panelKey(props.panel);
  const push = usePush();

  // Before paint, so the board never shows covered for a frame; switches mode when the width crosses.
  useLayoutEffect(() => {
    const el = dialog.current;
    if (el === null) return;
    if (el.open) el.close();
    if (push) el.show();
    else el.showModal();
  }, [push]);

  useEffect(() => {
    // preventScroll: the panel is fixed in the frame; scrolling would move the host page instead.
    heading.current?.focus({ preventScroll: true });
  }, [key, push]);

  const { close } = props;
  const closeAndReturn = () => {
    const back = returnTarget(opener, firstObjective.current);
    // Closed natively first: while a modal dialog is open the board is inert and cannot take focus.
    dialog.current?.close();
    back?.focus({ preventScroll: true });
    close();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') {
      // Ours, not the dialog's cancel: focus must go back to the opener after React has closed it.
      e.preventDefault();
      e.stopPropagation();
      closeAndReturn();
      return;
    }
    if (push || dialog.current === null) return;
    wrapTab(e, dialog.current, heading.current);
  };

  return (
    <dialog
      ref={dialog}
      className="cad-side-dialog cad-panel"
      data-mode={push ? 'push' : 'modal'}
      aria-modal={push ? 'false' : 'true'}
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
      }}
    >
      <div className="cad-side-dialog__head">
        <h2 id={headingId} ref={heading} tabIndex={-1} className="cad-heading-medium cad-side-dialog__heading">
          {titleOf(props.panel)}
        </h2>
        <Button appearance="subtle" onClick={closeAndReturn}>
          {t('editor.panel.close')}
        </Button>
      </div>
      <div className="cad-side-dialog__body">
        <Suspense fallback={<LoadingState inline />}>
          <PanelBody key={key} {...props} />
        </Suspense>
      </div>
    </dialog>
  );
}
