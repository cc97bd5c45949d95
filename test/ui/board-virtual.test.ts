import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/react-virtual';
import type { VirtualizerOptions } from '@tanstack/react-virtual';
import { observeRectAfterLayout, scrollAfterFirstWrite } from '../../static/src/views/board/viewport-options';

/**
 * The board's virtualizer options (static/src/views/board/viewport-options.ts) against TanStack's own, on a
 * stand-in viewport that counts what forces a layout in a browser: reading its size and scrolling it.
 */
const viewport = (height: number) => {
  const observers: (() => void)[] = [];
  const element = {
    reads: 0,
    scrolls: [] as number[],
    height,
    get clientWidth() {
      element.reads += 1;
      return 800;
    },
    get clientHeight() {
      element.reads += 1;
      return element.height;
    },
    scrollTop: 0,
    scrollHeight: 40_000,
    scrollTo({ top }: { top: number }) {
      element.scrolls.push(top);
    },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    ownerDocument: {
      defaultView: {
        ResizeObserver: class {
          constructor(callback: () => void) {
            observers.push(callback);
          }
          observe = () => undefined;
          unobserve = () => undefined;
          disconnect = () => undefined;
        },
        requestAnimationFrame: () => 0,
        cancelAnimationFrame: () => undefined,
        setTimeout: () => 0,
        clearTimeout: () => undefined,
      },
    },
  };
  /** What the browser does after its next layout: report the observed size. */
  const layout = () => {
    for (const callback of observers) callback();
  };
  return { element, layout };
};

type Options = VirtualizerOptions<HTMLDivElement, Element>;

const mount = (element: unknown, own: Partial<Options>) => {
  const virtualizer = new Virtualizer<HTMLDivElement, Element>({
    count: 1000,
    getScrollElement: () => element as HTMLDivElement,
    estimateSize: () => 40,
    overscan: 0,
    initialRect: { width: 0, height: 640 },
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    ...own,
  });
  virtualizer._willUpdate();
  return virtualizer;
};

describe("the board's virtualizer at mount", () => {
  it("TanStack's own options read and scroll the viewport the moment it mounts (what forced a layout)", () => {
    const { element } = viewport(640);
    mount(element, {});
    expect(element.reads).toBeGreaterThan(0);
    expect(element.scrolls).toEqual([0]);
  });

  it('neither reads nor scrolls the viewport at mount, and shows the rows of its initial size', () => {
    const { element } = viewport(640);
    const virtualizer = mount(element, {
      observeElementRect: observeRectAfterLayout,
      scrollToFn: scrollAfterFirstWrite(),
    });
    expect(element.reads).toBe(0);
    expect(element.scrolls).toEqual([]);
    expect(virtualizer.getVirtualItems()).toHaveLength(16);
  });

  it('takes the size the browser reports after layout', () => {
    const { element, layout } = viewport(320);
    const virtualizer = mount(element, {
      observeElementRect: observeRectAfterLayout,
      scrollToFn: scrollAfterFirstWrite(),
    });
    layout();
    expect(element.reads).toBe(2);
    expect(virtualizer.getVirtualItems()).toHaveLength(8);
  });

  it('scrolls when asked, from the first request on', () => {
    const { element } = viewport(640);
    const virtualizer = mount(element, {
      observeElementRect: observeRectAfterLayout,
      scrollToFn: scrollAfterFirstWrite(),
    });
    virtualizer.scrollToOffset(400);
    virtualizer.scrollToOffset(0);
    expect(element.scrolls).toEqual([400, 0]);
  });

  it('writes a first offset other than the top', () => {
    const { element } = viewport(640);
    mount(element, {
      observeElementRect: observeRectAfterLayout,
      scrollToFn: scrollAfterFirstWrite(),
      initialOffset: 200,
    });
    expect(element.scrolls).toEqual([200]);
  });
});
