/**
 * A small padlock beside restricted epics. Drawn in SVG with currentColor: an emoji depends on the
 * system's fonts (headless CI shows a box) and ignores the theme. Decorative: the words say it all.
 */
export function LockIcon() {
  return (
    <svg className="cad-lock" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <rect x="2" y="5.5" width="8" height="5.5" rx="1" fill="currentColor" />
      <path d="M4 5.5V4a2 2 0 0 1 4 0v1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}
