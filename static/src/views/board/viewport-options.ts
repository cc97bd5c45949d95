import type { Rect, VirtualizerOptions } from '@tanstack/react-virtual';
import { elementScroll } from '@tanstack/react-virtual';

/**
 * TanStack Virtual reads and writes its scroll element the moment it mounts, in a layout effect while
 * React commits the board's first rows: each read (clientWidth/clientHeight) and write (scrollTo) forces
 * a layout of the whole page there, which the browser then does again before painting. On bench:board's
 * 2-core machine that was 15 to 100 ms of the first render. These two options leave the virtualizer's
 * behaviour as it was and only drop what cannot change anything at mount.
 */
type Options = VirtualizerOptions<HTMLDivElement, Element>;

/** The viewport's size, typed by shape: the backend's typecheck (no DOM library) reaches this file through test/ui. */
const sizeOf = (element: unknown): Rect => {
  const { clientWidth, clientHeight } = element as { clientWidth: number; clientHeight: number };
  return { width: Math.round(clientWidth), height: Math.round(clientHeight) };
};

/**
 * observeElementRect without its first, synchronous read: until the ResizeObserver's first report, which
 * comes after the next layout and before that frame's paint, the virtualizer keeps its `initialRect`,
 * and the viewport's size is read only there, where layout is already done.
 */
export const observeRectAfterLayout: Options['observeElementRect'] = (instance, report: (rect: Rect) => void) => {
  const element = instance.scrollElement;
  const ResizeObserverOf = instance.targetWindow?.ResizeObserver;
  if (element === null || ResizeObserverOf === undefined) return undefined;
  const observer = new ResizeObserverOf(() => {
    report(sizeOf(element));
  });
  observer.observe(element, { box: 'content-box' });
  return () => {
    observer.disconnect();
  };
};

/**
 * elementScroll, except the virtualizer's first write to an element when it writes 0: it scrolls the
 * element it has just mounted on to where a new element already is, the top.
 */
export const scrollAfterFirstWrite = (): Options['scrollToFn'] => {
  const seen = new WeakSet<Element>();
  return (offset, options, instance) => {
    const element = instance.scrollElement;
    if (element !== null && !seen.has(element)) {
      seen.add(element);
      if (offset + (options.adjustments ?? 0) === 0) return;
    }
    elementScroll(offset, options, instance);
  };
};
