import { lazy, Suspense, useEffect, useId, useRef } from 'react';
import { Button } from '../../components/button';
import { LoadingState } from '../../components/states';
import type { PanelProps } from './panel-props';
import type { PanelState } from './panel-state';
import { panelKey } from './panel-state';

/**
 * Forms, the objective detail, the epic search and the quality lint load only when the panel first
 * opens: none of it is needed to show the board, so it stays out of the board's initial bundle.
 */
const PanelBody = lazy(() => import('./panel-body'));

const TITLES: Readonly<Record<PanelState['kind'], (p: PanelState) => string>> = {
  objective: () => 'Objective',
  'objective-form': (p) =>
    p.kind === 'objective-form' && p.objectiveId !== undefined ? 'Edit objective' : 'New objective',
  'key-result-form': (p) =>
    p.kind === 'key-result-form' && p.keyResultId !== undefined ? 'Edit key result' : 'New key result',
  'check-in': () => 'Check in',
  'cycle-form': () => 'New cycle',
};

/**
 * The side panel over the board's right edge: a non-modal dialog (the board stays usable beside it).
 * Opening it, or moving it to another item, puts focus on its heading; Escape or Close closes it and
 * gives focus back to what opened it.
 */
export function SidePanel(props: PanelProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<Element | null>(null);
  const key = panelKey(props.panel);

  useEffect(() => {
    opener.current ??= document.activeElement;
    // preventScroll: the panel is fixed in the frame; scrolling would move the host page instead.
    heading.current?.focus({ preventScroll: true });
  }, [key]);

  const { close } = props;
  const closeAndReturn = () => {
    const back = opener.current;
    close();
    if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  };

  return (
    <section
      className="cad-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          closeAndReturn();
        }
      }}
    >
      <div className="cad-panel__head">
        <h2 id={headingId} ref={heading} tabIndex={-1} className="cad-heading-medium cad-panel__heading">
          {TITLES[props.panel.kind](props.panel)}
        </h2>
        <Button appearance="subtle" onClick={closeAndReturn}>
          Close
        </Button>
      </div>
      <div className="cad-panel__body">
        <Suspense fallback={<LoadingState inline />}>
          <PanelBody key={key} {...props} />
        </Suspense>
      </div>
    </section>
  );
}
