import { lazy, Suspense, useLayoutEffect, useRef, useState } from 'react';
import { t } from '../app/i18n';
import { Button } from './button';
import './guide-link.css';

// Its own chunk, with the guide's words in another: nothing of the guide loads until someone asks.
const MethodGuide = lazy(() => import('./method-guide'));

/**
 * "Why?": opens the method guide (docs/okr-method.md, in the viewer's language) at `anchor`, a quality
 * check's rule id or a topic, in a dialog inside the product. `describedBy` names what it explains (the
 * finding's message), so the many "Why?" buttons of a list are told apart by screen readers.
 */
export function GuideLink({ anchor, describedBy }: { anchor: string; describedBy?: string }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const closing = useRef(false);
  const close = () => {
    closing.current = true;
    setOpen(false);
  };
  // Focus returns once the guide's <dialog> has closed (its unmount closes it, and a closing modal dialog
  // moves focus itself), not before: focusing first raced that and could lose focus to the panel.
  useLayoutEffect(() => {
    if (open || !closing.current) return;
    closing.current = false;
    button.current?.focus({ preventScroll: true });
  }, [open]);
  return (
    <>
      <Button
        ref={button}
        appearance="link"
        className="cad-guide-link"
        aria-haspopup="dialog"
        aria-describedby={describedBy}
        data-guide-anchor={anchor}
        onClick={() => {
          setOpen(true);
        }}
      >
        {t('guide.why')}
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <MethodGuide anchor={anchor} onClose={close} />
        </Suspense>
      ) : null}
    </>
  );
}
