import path from 'node:path';
import { getTranslationValue } from '@forge/i18n';
import type { CheckInDraft, IssueRef, Locale, WorkChanges } from '../../src/contract';
import { LOCALES } from '../../src/contract';
import { readCatalog } from '../../local/platform/i18n/catalogs';
import type * as I18nModule from '../../static/src/app/i18n';
import type * as DraftNoteModule from '../../static/src/components/draft-note';

const ROOT = path.resolve(__dirname, '..', '..');
const catalogs = Object.fromEntries(LOCALES.map((l) => [l, readCatalog(ROOT, l)]));

let setTranslations: (typeof I18nModule)['setTranslations'];
let notes: typeof DraftNoteModule;
beforeAll(() => {
  // @forge/bridge looks for the host's bridge when it loads; these need only t(), so a bridge that refuses.
  Object.assign(globalThis, { __bridge: { callBridge: () => Promise.reject(new Error('no host in a unit test')) } });
  ({ setTranslations } = jest.requireActual<typeof I18nModule>('../../static/src/app/i18n'));
  notes = jest.requireActual<typeof DraftNoteModule>('../../static/src/components/draft-note');
});

const speak = (locale: Locale): void => {
  setTranslations(locale, (key) => getTranslationValue(catalogs, key, locale));
};

let n = 0;
const issue = (key: string, summary: string): IssueRef => ({
  issueId: String(10_000 + ++n),
  issueKey: key,
  summary,
  epicKey: 'WEB-3',
});
const noChanges = (): WorkChanges => ({ done: [], added: [], wontDo: [], epics: [], truncated: false });
const draftOf = (over: Partial<CheckInDraft> = {}): CheckInDraft => ({
  keyResultId: 'kr-1',
  value: 40,
  valueSource: 'initiatives',
  confidence: 'at_risk',
  confidenceSource: 'forecast',
  forecast: null,
  since: '2026-11-24T09:00:00.000Z',
  changes: noChanges(),
  generatedAt: '2026-12-01T09:00:00.000Z',
  ...over,
});
const percent = { kind: 'percent', unit: '%', start: 40, target: 80 } as const;
const weekOfWork = (): WorkChanges => ({
  done: [issue('WEB-12', 'Login'), issue('WEB-13', 'Sign-up form'), issue('WEB-14', 'Password reset')],
  added: [issue('WEB-20', 'Remember me')],
  wontDo: [issue('WEB-15', 'Legacy SSO')],
  epics: [{ issueKey: 'WEB-3', summary: 'Accounts', from: 'To Do', to: 'In Progress' }],
  truncated: false,
});
const forecast = {
  value: 61,
  score: 0.61,
  by: '2026-12-31',
  basis: 'trend',
  weeks: 3,
  disagreement: null,
} as const;

/** The note a drafted check-in proposes, in the viewer's language (issue #13). */
describe('draftNote', () => {
  beforeEach(() => {
    speak('en-US');
  });

  it('names the issues done, counts the ones added and dropped, says how the epics moved, then the forecast', () => {
    expect(notes.draftNote(draftOf({ changes: weekOfWork(), forecast }), percent, undefined)).toBe(
      'Since Nov 24: 3 issues done (WEB-12 Login, WEB-13 Sign-up form, WEB-14 Password reset), 1 added, ' +
        "1 dropped (Won't Do or Duplicate); epic WEB-3 moved from To Do to In Progress. " +
        'If the trend of the last 3 weeks holds: 61% by Dec 31 (score 0.61).',
    );
  });

  it('speaks Dutch to a Dutch viewer', () => {
    speak('nl-NL');
    expect(notes.draftNote(draftOf({ changes: weekOfWork(), forecast }), percent, undefined)).toBe(
      'Sinds 24 nov: 3 issues afgerond (WEB-12 Login, WEB-13 Sign-up form, WEB-14 Password reset), 1 toegevoegd, ' +
        "1 vervallen (Won't Do of Duplicate); epic WEB-3 van To Do naar In Progress. " +
        'Als de trend van de afgelopen 3 weken doorzet: 61% op 31 dec (score 0,61).',
    );
  });

  it('says when nothing moved, and leaves the work out for a KR without epics', () => {
    expect(notes.draftNote(draftOf(), percent, undefined)).toBe('No issue under the linked epics moved since Nov 24.');
    expect(notes.draftNote(draftOf({ changes: null }), percent, undefined)).toBe('');
    expect(
      notes.draftNote(
        draftOf({ changes: null, forecast: { ...forecast, basis: 'since-start', weeks: 5 } }),
        { kind: 'number', unit: 'teams', start: 0, target: 100 },
        undefined,
      ),
    ).toBe("If the pace since the cycle's start holds: 61 teams by Dec 31 (score 0.61).");
  });

  it("rounds the forecast as the board's forecast does: a projection, not a measurement", () => {
    const visitors = { kind: 'number', unit: 'visitors', start: 40000, target: 75000 } as const;
    const projected = { ...forecast, value: 57375.54, score: 0.5 };
    const sentence = 'If the trend of the last 3 weeks holds: 57,400 visitors by Dec 31 (score 0.50).';
    expect(notes.forecastSentence(projected, visitors)).toBe(sentence);
    expect(notes.draftNote(draftOf({ changes: null, forecast: projected }), visitors, undefined)).toBe(sentence);
    speak('nl-NL');
    expect(notes.forecastSentence(projected, visitors)).toContain('57.400 visitors');
  });

  it('names five issues at most, counts a list the backend cut as "at least", and an epic without a baseline', () => {
    const done = Array.from({ length: 20 }, (_, i) => issue(`WEB-${100 + i}`, `Task ${i}`));
    const note = notes.draftNote(
      draftOf({
        changes: {
          ...noChanges(),
          done,
          epics: [{ issueKey: 'WEB-4', summary: 'Billing', from: null, to: 'Done' }],
          truncated: true,
        },
      }),
      percent,
      undefined,
    );
    expect(note).toBe(
      'Since Nov 24: at least 20 issues done (WEB-100 Task 0, WEB-101 Task 1, WEB-102 Task 2, WEB-103 Task 3, ' +
        'WEB-104 Task 4 and 15 more); epic WEB-4: Done.',
    );
  });

  it('cuts a long summary and keeps the note within the 2000 characters a check-in holds', () => {
    const long = 'x'.repeat(300);
    const epics = Array.from({ length: 20 }, (_, i) => ({
      issueKey: `WEB-${i + 1}`,
      summary: long,
      from: long,
      to: long,
    }));
    const note = notes.draftNote(
      draftOf({ changes: { ...noChanges(), done: [issue('WEB-9', long)], epics } }),
      percent,
      undefined,
    );
    expect(note).toContain(`WEB-9 ${'x'.repeat(49)}…`);
    expect(note.length).toBeLessThanOrEqual(2000);
  });
});

describe('an unchanged week', () => {
  beforeEach(() => {
    speak('en-US');
  });

  it('confirms the week without a forecast, so confirming twice says the same words', () => {
    const last = { value: 40, confidence: 'at_risk' } as const;
    expect(notes.draftNote(draftOf({ forecast }), percent, last)).toBe(
      'No issue under the linked epics moved since Nov 24.',
    );
    expect(notes.draftNote(draftOf({ forecast, changes: null }), percent, last)).toBe('');
    expect(notes.draftNote(draftOf({ forecast, value: 42 }), percent, last)).toBe(
      'No issue under the linked epics moved since Nov 24. If the trend of the last 3 weeks holds: 61% by Dec 31 (score 0.61).',
    );
  });
});

describe('draftUnchanged', () => {
  it('is true only when the value and confidence repeat the last check-in and no work moved', () => {
    const last = { value: 40, confidence: 'at_risk' } as const;
    expect(notes.draftUnchanged(draftOf(), last)).toBe(true);
    expect(notes.draftUnchanged(draftOf({ changes: null }), last)).toBe(true);
    expect(notes.draftUnchanged(draftOf(), undefined)).toBe(false);
    expect(notes.draftUnchanged(draftOf({ value: 41 }), last)).toBe(false);
    expect(notes.draftUnchanged(draftOf({ confidence: 'on_track' }), last)).toBe(false);
    expect(notes.draftUnchanged(draftOf({ changes: weekOfWork() }), last)).toBe(false);
    expect(
      notes.draftUnchanged(
        draftOf({ changes: { ...noChanges(), epics: [{ issueKey: 'WEB-3', summary: 'A', from: null, to: 'Done' }] } }),
        last,
      ),
    ).toBe(false);
  });
});
