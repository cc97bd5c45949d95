import type { KeyboardEvent, RefObject } from 'react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import './side-dialog.css';
import { wrapTab } from './dialog-tab';

/**
 * A side dialog's modal behaviour (WAI-ARIA APG "Dialog (Modal)"): shown with showModal on mount, its
 * heading focused, Escape and Close close it and give focus back to what opened it, Tab kept inside.
 * Shared by the coverage list and the carry-over dialog; the side panel and the method guide have rules
 * of their own (a panel that outlives its opener, a guide that scrolls to a section).
 */
export const useModalDialog = (
  onClose: () => void,
): {
  dialog: RefObject<HTMLDialogElement | null>;
  heading: RefObject<HTMLHeadingElement | null>;
  close: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLDialogElement>) => void;
} => {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Read at the first render, before showModal moves focus into the dialog.
  const [opener] = useState(() => document.activeElement);

  useLayoutEffect(() => {
    const el = dialog.current;
    if (el !== null && !el.open) el.showModal();
  }, []);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);

  const close = (): void => {
    // Closed natively first: while the modal is open the page behind is inert and cannot take focus.
    dialog.current?.close();
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus({ preventScroll: true });
    onClose();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
      return;
    }
    if (dialog.current !== null) wrapTab(e, dialog.current, heading.current);
  };
  return { dialog, heading, close, onKeyDown };
};
