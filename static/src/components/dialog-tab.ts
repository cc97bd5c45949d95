/**
 * Tab and Shift+Tab inside a modal dialog (WAI-ARIA APG "Dialog (Modal)"): a modal <dialog> makes the page
 * behind it inert but does not keep Tab inside an iframe's page, so each modal wraps it here. One rule for
 * the board's side panel, the coverage list and the method guide.
 */
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * Whether a closed <details> hides the element (anything in it but its own summary): Chromium lays such
 * content out (content-visibility: hidden), so it has client rects, yet Tab skips it.
 */
const inClosedDetails = (el: HTMLElement): boolean => {
  for (let d = el.parentElement?.closest('details:not([open])'); d; d = d.parentElement?.closest('details:not([open])'))
    if (!(el.tagName === 'SUMMARY' && el.parentElement === d)) return true;
  return false;
};

/** The visible controls Tab can reach inside `root`, in order. */
export const focusables = (root: HTMLElement): HTMLElement[] =>
  [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0 && !inClosedDetails(el));

/**
 * On Tab from the last control, focus the first; on Shift+Tab from the first (or from the heading, which
 * takes focus when the dialog opens), the last. Any other key, or Tab elsewhere, is left to the browser.
 */
export const wrapTab = (
  e: { readonly key: string; readonly shiftKey: boolean; preventDefault(): void },
  root: HTMLElement,
  heading: HTMLElement | null,
): void => {
  if (e.key !== 'Tab') return;
  const inside = focusables(root);
  const first = inside[0];
  const last = inside.at(-1);
  if (first === undefined || last === undefined) return;
  const active = root.ownerDocument.activeElement;
  if (e.shiftKey && (active === first || active === heading)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
};
