import path from 'node:path';
import { readCatalog } from '../../local/platform/i18n/catalogs';
import type { CatalogWords, Locale } from '../contract';
import {
  ENGLISH_FIELDS,
  fieldLanguageFrom,
  fieldSentence,
  fieldWords,
  ITEM,
  PATHS,
  translator,
  WORDS,
} from '../contract';
import { ENGLISH_ERRORS, errorWordsFrom, MESSAGES, RULES } from './error-words';

/** The catalogs straight from locales/<locale>/*.json, looked up by dotted key as Forge's translator does. */
const catalogOf = (locale: Locale): CatalogWords => {
  const messages = readCatalog(path.resolve(__dirname, '..', '..'), locale, { backend: true });
  const lookup = (key: string): string | null => {
    let at: unknown = messages;
    for (const part of key.split('.'))
      at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[part] : undefined;
    return typeof at === 'string' ? at : null;
  };
  return { lookup, translate: translator(lookup, locale) };
};
const english = errorWordsFrom(catalogOf('en-US'));
const dutch = errorWordsFrom(catalogOf('nl-NL'));

/** One example of every rule and message the table knows, as the core says it in English. */
const RULE_EXAMPLES: readonly [string, string][] = [
  ['title', 'is required'],
  ['title', 'must not be empty'],
  ['title', 'must be at most 200 characters'],
  ['title', 'must be at most 1 character'],
  ['note', 'must be at least 8 characters'],
  ['objectiveIds', 'must list at most 100'],
  ['objectiveIds', 'must list at least 2'],
  ['weight', 'must be at most 100'],
  ['weight', 'must be at least 0'],
  ['weight', 'must be greater than 0'],
  ['bands.greenFrom', 'must be greater than yellowFrom'],
  ['score', 'must be less than 1'],
  ['endDate', 'must be after startDate'],
  ['toCycleId', 'must differ from fromCycleId'],
  ['objectiveIds.1', 'repeats objectiveIds.0'],
  ['confidence', 'must be one of "on_track", "at_risk", "off_track"'],
  ['(payload)', 'has unknown field(s): "colour"'],
  ['objectiveIds', 'must be a list'],
  ['value', 'must be a number'],
  ['value', 'must be a finite number'],
  ['startDate', 'must be a date in the form YYYY-MM-DD'],
  ['at', 'must be an ISO 8601 date-time'],
  ['ownerAccountId', 'must be an Atlassian account id'],
  ['teamId', 'is required for a team objective'],
  ['value', 'must be 0 or 1 for a binary key result'],
  ['metric.start', 'must be 0 for a binary KR'],
  ['parentTeamId', 'must not be the team itself or one of its sub-teams'],
  ['parentTeamId', 'must not be the team itself'],
  ['parentObjectiveId', 'must not be the objective itself'],
  ['issueKey', 'is already linked to this key result'],
  ['value', 'is required: enter the key result’s current value'],
  [
    'value',
    'cannot be entered by hand: this key result is measured from its linked epics (now 12). Check in your confidence and notes only.',
  ],
  ['objectiveIds.0', 'is an objective of another cycle than Q3 2027'],
  ['grades.0.reason', 'is required when the final score differs from the measured grade'],
  ['title', 'cannot be added: a list keeps at most 20 items'],
  ['asOf.week', 'must be a week of the cycle (2027-W01 to 2027-W13)'],
  ['kpiId', "must be a KPI of the objective's team or of the company"],
  ['kpiId', 'is an archived KPI'],
  ['teamId', 'already has 10 active KPIs, the most a team keeps: archive one first'],
  ['name', 'cannot be added: Cadence keeps at most 200 KPIs; rename and reuse an archived one'],
];

const MESSAGE_EXAMPLES: readonly [string, string | undefined][] = [
  ['There is no key result with the id "abc" (the key result of grade 2).', 'grades.1.keyResultId'],
  ['There is no cycle yet (cycleId): create one first', 'cycleId'],
  ['Sign in to use Cadence.', undefined],
  [
    "Cadence is read-only on this site because its license is not active: you can view OKRs but not change them. Ask a site admin to renew Cadence in the site's Manage apps page.",
    undefined,
  ],
  ['Only OKR admins can carry objectives over.', undefined],
  ['Only OKR admins can repair the data.', undefined],
  ['Only Jira site admins can choose the OKR admin group.', 'adminGroup'],
  ['Only OKR admins can make company objectives (level).', 'level'],
  ['Only the objective’s owner, its team’s members and OKR admins can change it.', undefined],
  ['The objective record "abc" is not a damaged record: only records data.health lists can be repaired.', 'key'],
  ['Only the key result’s owner or the objective’s owner can check in.', undefined],
  ['Only the owner, the team or OKR admins can grade "Ship it".', undefined],
  ['Someone else changed this objective at the same moment; please try again.', undefined],
  ['You cannot see this issue.', undefined],
  ['This key result is already archived.', 'id'],
  ['The objective is archived; restore it first.', 'objectiveId'],
  ["An objective holds at most 20 key results; the method's rule is 2 to 5, and 2 to 4 is recommended.", 'objectiveId'],
  ['Only the objective’s current owner or an OKR admin can change its owner (ownerAccountId).', 'ownerAccountId'],
  ['Only members of Payments (or OKR admins) can put an objective in that team (teamId).', 'teamId'],
  ['Individual objectives are their owner’s: you can make them only for yourself (ownerAccountId).', 'ownerAccountId'],
  [
    'Only the key result’s owner, the objective’s owner or an OKR admin can change who owns it (ownerAccountId).',
    'ownerAccountId',
  ],
  ['Check-ins open when the cycle is active; "Q1 2027" is in planning.', 'keyResultId'],
  ['This key result is archived.', 'keyResultId'],
  ['This objective is archived; restore it before changing it.', 'id'],
  ['This objective is already archived.', 'id'],
  ['This objective is not archived.', 'id'],
  ['An objective holds at most 50 linked epics.', 'keyResultId'],
  ['Cycle "Q4 2026" is closed.', 'toCycleId'],
  ['A closed cycle cannot be changed.', 'id'],
  ['Issue PAY-12 (issueKey) was not found or is not visible to you.', 'issueKey'],
  ['Issue PAY-12 (issueKey) is not an epic.', 'issueKey'],
  ['Jira is not answering right now (status 503); try again in a minute.', undefined],
  ['Cadence’s data was replaced by an import a moment ago; reload and make the change again.', undefined],
  ['Another import is running (or just finished); try again when it is done.', undefined],
  ['Another import started at the same moment; try again in a moment.', undefined],
  [
    'The data was replaced by an import while it was being exported; start the export again from the first page.',
    'cursor',
  ],
  ['No import with this id (a failed import is cleaned up after a while).', 'importId'],
  [
    'This part could not be stored, so the import stopped. Nothing was changed: your data is as it was. Start the import again.',
    undefined,
  ],
  [
    'The import could not be handed over for verification; nothing was changed. Call finish again in a moment.',
    undefined,
  ],
  [
    'Storage stopped answering as the import was switched on; reload in a moment to see whether it was applied (nothing was lost either way).',
    undefined,
  ],
  [
    'The import was not switched on (another import changed the data meanwhile); nothing was changed by this one.',
    undefined,
  ],
  [
    'The import could not be completed (storage did not answer). Nothing was changed: your data is as it was. Try again in a moment.',
    undefined,
  ],
  [
    'The import could not be completed (storage did not take all of it). Nothing was changed: your data is as it was. Try again in a moment.',
    undefined,
  ],
  ['This import is verifying: it takes no more parts.', undefined],
  ['A damaged catalog (all cycles or all teams) cannot be removed: replace it.', 'action'],
  ['Cycle "Q4 2026" is closed; objectives can no longer be added.', 'cycleId'],
  ['Grading happens during review; "Q1 2027" is in active.', 'cycleId'],
  ['Only the objective’s owner or an OKR admin can write the retrospective of "Make payouts boring".', 'retrospectives.0.objectiveId'],
  ['The review opens when the cycle is in review; "Q1 2027" is in active.', 'cycleId'],
  ['Only OKR admins can change the company’s "not this cycle" list.', undefined],
  ['Only members of Payments (or OKR admins) can change its "not this cycle" list.', undefined],
  ['There is no item "abc" on the last cycle’s "not this cycle" list to carry forward (carriedFromId).', 'carriedFromId'],
  ['There is no KPI with the id "abc".', 'kpiId'],
  ['Only OKR admins can change the company’s KPIs.', undefined],
  ['Only members of Payments (or OKR admins) can change its KPIs.', 'teamId'],
  ['This KPI is archived.', 'kpiId'],
  ['Storage is not answering right now; try again in a moment.', undefined],
  ['Something went wrong on our side; it has been logged.', undefined],
  ['The request is not valid.', undefined],
  [
    'Your change was saved, but showing it failed: Storage is not answering right now; try again in a moment. Reload to see it.',
    undefined,
  ],
];

describe('error words', () => {
  it('has an example of every pattern', () => {
    const ruleKeys = new Set(RULE_EXAMPLES.map(([, rule]) => RULES.find(([re]) => re.test(rule))?.[1]));
    expect(RULES.filter(([, key]) => !ruleKeys.has(key)).map(([, key]) => key)).toEqual([]);
    const messageKeys = new Set(MESSAGE_EXAMPLES.map(([m]) => MESSAGES.find(([re]) => re.test(m))?.[1]));
    expect(MESSAGES.filter(([, key]) => !messageKeys.has(key)).map(([, key]) => key)).toEqual([]);
  });

  it('says from the English catalog exactly what the core says in English', () => {
    for (const [field, rule] of RULE_EXAMPLES)
      expect(english.sentence(field, rule)).toBe(ENGLISH_ERRORS.sentence(field, rule));
    for (const [message, field] of MESSAGE_EXAMPLES) expect(english.message(message, field)).toBe(message);
    for (const n of [1, 2, 30]) expect(english.more(n)).toBe(ENGLISH_ERRORS.more(n));
  });

  it('says every rule and message in Dutch', () => {
    for (const [field, rule] of RULE_EXAMPLES) expect(dutch.sentence(field, rule)).not.toContain(rule);
    for (const [message, field] of MESSAGE_EXAMPLES) expect(dutch.message(message, field)).not.toBe(message);
    expect(dutch.sentence('endDate', 'must be after startDate')).toBe('De einddatum moet na de startdatum liggen.');
    expect(dutch.sentence('objectiveIds.1', 'repeats objectiveIds.0')).toBe('Objective 2 herhaalt objective 1.');
    expect(dutch.sentence('title', 'must be at most 1 character')).toBe('De titel mag hoogstens 1 teken lang zijn.');
    expect(dutch.message(MESSAGE_EXAMPLES[0]?.[0] ?? '', 'grades.1.keyResultId')).toBe(
      'Er is geen key result met de id "abc" (het key result van beoordeling 2).',
    );
    expect(
      dutch.message(
        "An objective holds at most 20 key results; the method's rule is 2 to 5, and 2 to 4 is recommended.",
      ),
    ).toBe(
      'Een objective heeft hoogstens 20 key results; de regel van de methode is 2 tot 5, en 2 tot 4 wordt aangeraden.',
    );
    expect(dutch.message('Check-ins open when the cycle is active; "Q1 2027" is in planning.')).toBe(
      'Check-ins staan open zolang de cyclus actief is; “Q1 2027” is nog in planning.',
    );
    expect(dutch.more(1)).toBe(' (en nog 1 probleem)');
    expect(dutch.more(3)).toBe(' (en nog 3 problemen)');
  });

  it('keeps a rule it does not know whole English rather than half translated', () => {
    expect(dutch.sentence('title', 'must rhyme')).toBe('The title must rhyme.');
    expect(dutch.message('Nobody knows this one.')).toBe('Nobody knows this one.');
  });
});

describe('field words from a catalog', () => {
  const fromEnglish = fieldLanguageFrom(catalogOf('en-US'));
  const fromDutch = fieldLanguageFrom(catalogOf('nl-NL'));

  it('the English catalog says what the built-in English words say', () => {
    for (const p of [
      'endDate',
      'grades.3.score',
      'objectiveIds.1',
      'metric.target',
      'keyResults.0.metric.kind',
      'things.2',
      'someNewField',
      '(payload)',
      'bands.greenFrom',
    ])
      expect(fieldWords(p, fromEnglish)).toBe(fieldWords(p, ENGLISH_FIELDS));
    expect(fieldSentence('endDate', 'must be after startDate', fromEnglish)).toBe(
      'The end date must be after the start date.',
    );
  });

  it('the English catalog holds exactly the built-in English words', () => {
    for (const [name, words] of Object.entries(WORDS)) expect(fromEnglish.word(name)).toBe(words);
    for (const [list, item] of Object.entries(ITEM)) expect(fromEnglish.item(list, 7)).toBe(`${item} 7`);
    for (const [p, words] of Object.entries(PATHS)) expect(fromEnglish.path(p)).toBe(words);
  });

  it('says paths in Dutch with their articles', () => {
    expect(fieldWords('grades.3.score', fromDutch)).toBe('de score van beoordeling 4');
    expect(fieldWords('keyResults.0.metric.kind', fromDutch)).toBe('de soort van de maatstaf van key result 1');
    expect(fieldWords('things.2', fromDutch)).toBe('item 3 van things');
    expect(fieldWords('(payload)', fromDutch)).toBe('het verzoek');
  });
});
