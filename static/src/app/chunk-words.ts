import type { Locale } from '../../../src/contract/i18n';
import { addWords, currentLocale } from './i18n';

/**
 * Words only one lazily loaded part uses (locales/<locale>/chunks/<area>.json) come with that part instead
 * of in the catalog every view fetches before its first render (Forge's one translations file per
 * locale): the settings' words (~3.5 KB gzipped) and the quality checks' (~2.7 KB) would otherwise be
 * downloaded by every gadget, macro and issue panel, which never show them (npm run bench:ui).
 */
type Words = () => Promise<{ default: Record<string, unknown> }>;

const CHUNKS = {
  admin: {
    'en-US': () => import('../../../locales/en-US/chunks/admin.json'),
    'nl-NL': () => import('../../../locales/nl-NL/chunks/admin.json'),
  },
  lint: {
    'en-US': () => import('../../../locales/en-US/chunks/lint.json'),
    'nl-NL': () => import('../../../locales/nl-NL/chunks/lint.json'),
  },
  /** Strategy coverage's list of work without an objective (board dialog, team page section; views/board/coverage-*.tsx). */
  coverage: {
    'en-US': () => import('../../../locales/en-US/chunks/coverage.json'),
    'nl-NL': () => import('../../../locales/nl-NL/chunks/coverage.json'),
  },
  /** KPIs' section, forms and macro list (components/kpi-section.tsx, kpi-overview.tsx, board kpi-picker.tsx); the link and health words stay in the catalog for board rows. */
  kpi: {
    'en-US': () => import('../../../locales/en-US/chunks/kpi.json'),
    'nl-NL': () => import('../../../locales/nl-NL/chunks/kpi.json'),
  },
  /** "Not this cycle" lists (components/left-out-*.tsx); the board's disclosure label stays in the catalog. */
  leftout: {
    'en-US': () => import('../../../locales/en-US/chunks/leftout.json'),
    'nl-NL': () => import('../../../locales/nl-NL/chunks/leftout.json'),
  },
  /** A frozen scorecard's note (views/macro/frozen-label.tsx): comes with it, only to pages that freeze. */
  frozen: {
    'en-US': () => import('../../../locales/en-US/chunks/frozen.json'),
    'nl-NL': () => import('../../../locales/nl-NL/chunks/frozen.json'),
  },
  /** The macro config's "Show figures" (views/macro/figures-field.tsx): only editors open the dialog. */
  figures: {
    'en-US': () => import('../../../locales/en-US/chunks/figures.json'),
    'nl-NL': () => import('../../../locales/nl-NL/chunks/figures.json'),
  },
  /** The grading view and carry-over dialog (views/board/review/*); the cycle bar's entry and the lessons stay in the catalog. */
  review: {
    'en-US': () => import('../../../locales/en-US/chunks/review.json'),
    'nl-NL': () => import('../../../locales/nl-NL/chunks/review.json'),
  },
  /** The macro's config dialog and its preview (views/macro/macro-config.tsx): only editors open it. */
  macro: {
    'en-US': () => import('../../../locales/en-US/chunks/macro.json'),
    'nl-NL': () => import('../../../locales/nl-NL/chunks/macro.json'),
  },
  /**
   * The board's own words (views/board/*): fetched beside the board's app chunk (views/board/main.tsx), so
   * they cost the board no round trip and every other view 1.7 KB gzipped less. Only the app-failed line
   * stays in the catalog.
   */
  board: {
    'en-US': () => import('../../../locales/en-US/chunks/board.json'),
    'nl-NL': () => import('../../../locales/nl-NL/chunks/board.json'),
  },
  /** The board's getting-started guide (views/board/getting-started.tsx), shown mostly once per site. */
  start: {
    'en-US': () => import('../../../locales/en-US/chunks/start.json'),
    'nl-NL': () => import('../../../locales/nl-NL/chunks/start.json'),
  },
} satisfies Record<string, Record<Locale, Words>>;

export type ChunkArea = keyof typeof CHUNKS;

const fetches = new Map<string, Promise<Record<string, unknown>>>();
const loads = new Map<string, Promise<void>>();

const fetchWords = (area: ChunkArea, locale: Locale): Promise<Record<string, unknown>> => {
  const key = `${locale}/${area}`;
  let words = fetches.get(key);
  if (words === undefined) {
    words = CHUNKS[area][locale]().then((module) => module.default);
    fetches.set(key, words);
  }
  return words;
};

/**
 * Starts fetching an area's words as soon as the language is known, beside the catalog rather than after
 * it (the board's entry does, views/board/main.tsx); loadChunkWords adds them once the catalog is in,
 * since startI18n replaces the catalog. A failure is loadChunkWords' to report.
 */
export const prefetchChunkWords = (area: ChunkArea, locale: Locale): void => {
  fetchWords(area, locale).catch(() => undefined);
};

/** Loads an area's chunk words in the view's language, once per page. */
export const loadChunkWords = (area: ChunkArea): Promise<void> => {
  const locale = currentLocale();
  const key = `${locale}/${area}`;
  let load = loads.get(key);
  if (load === undefined) {
    load = fetchWords(area, locale).then((words) => {
      addWords(area, words);
    });
    loads.set(key, load);
  }
  return load;
};
