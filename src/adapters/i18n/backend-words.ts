import type { Locale } from '../../contract';
import enErrors from '../../../locales/en-US/backend/errors.json';
import enReminders from '../../../locales/en-US/backend/reminders.json';
import nlErrors from '../../../locales/nl-NL/backend/errors.json';
import nlReminders from '../../../locales/nl-NL/backend/reminders.json';

/**
 * The words only the backend says (error messages, reminder emails), bundled into the function: kept out
 * of the catalog in manifest.yml's translations, which every view fetches before its first render.
 * test/i18n/catalogs.test.ts holds them to the same rules as the UI's words (both languages, same keys).
 */
export const BACKEND_WORDS: Readonly<Record<Locale, Readonly<Record<string, unknown>>>> = {
  'en-US': { errors: enErrors, reminders: enReminders },
  'nl-NL': { errors: nlErrors, reminders: nlReminders },
};
