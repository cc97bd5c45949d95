import type { CatalogWords, FieldLanguage } from '../contract';
import { fieldLanguageFrom, fieldSentence, fieldWords, wordsInside } from '../contract';

/**
 * The words of the errors resolvers answer, in the invocation's language. Use cases and schemas say
 * their rules in English ("must be after startDate", "There is no team with the id …"); this edge
 * recognises each known one and says it again from the catalog (locales/<locale>/backend/errors.json), so the
 * core stays free of wording. English passes through untouched; a message this table does not know
 * stays whole English rather than half translated.
 */
export interface ErrorWords {
  /** "endDate", "must be after startDate" -> "The end date must be after the start date." */
  sentence(field: string, rule: string): string;
  /** A whole message (not found, forbidden, conflict…), `field` naming the payload path it is about. */
  message(english: string, field?: string): string;
  /** " (and 2 more problems)" after the first problem's sentence. */
  more(count: number): string;
}

const count = (n: number, what: string): string => `${String(n)} ${what}${n === 1 ? '' : 's'}`;

export const ENGLISH_ERRORS: ErrorWords = {
  sentence: (field, rule) => fieldSentence(field, rule),
  message: (english) => english,
  more: (n) => ` (and ${count(n, 'more problem')})`,
};

/** A rule or message pattern, the catalog key that says it, and the names of its captured parts. */
type Pattern = readonly [RegExp, string, ...string[]];

/** Rules: the part of a sentence after the field (schemas, zod's own rules as run-resolver words them, use cases). */
export const RULES: readonly Pattern[] = [
  [/^is required\.?$/, 'required'],
  [/^must not be empty$/, 'notEmpty'],
  [/^must be at most (\d+) characters?$/, 'maxCharacters', 'count'],
  [/^must be at least (\d+) characters?$/, 'minCharacters', 'count'],
  [/^must list at most (\d+)$/, 'listAtMost', 'n'],
  [/^must list at least (\d+)$/, 'listAtLeast', 'n'],
  [/^must be at most (\S+)$/, 'atMost', 'n'],
  [/^must be at least (\S+)$/, 'atLeast', 'n'],
  [/^must be greater than (\S+)$/, 'greaterThan', 'other'],
  [/^must be less than (\S+)$/, 'lessThan', 'other'],
  [/^must be after (\S+)$/, 'after', 'other'],
  [/^must differ from (\S+)$/, 'differFrom', 'other'],
  [/^repeats (\S+)$/, 'repeats', 'other'],
  [/^must be one of (.+)$/, 'oneOf', 'values'],
  [/^has unknown field\(s\): (.+)$/, 'unknownFields', 'names'],
  [/^must be a list$/, 'list'],
  [/^must be a (string|number|boolean|object|integer|date)$/, 'type', 'type'],
  [/^must be a finite number$/, 'finiteNumber'],
  [/^must be a date in the form YYYY-MM-DD$/, 'date'],
  [/^must be an ISO 8601 date-time$/, 'dateTime'],
  [/^must be an Atlassian account id$/, 'accountId'],
  [/^is required for a team objective$/, 'requiredForTeamObjective'],
  [/^must be 0 or 1 for a binary (?:key result|KR)$/, 'binaryValue'],
  [/^must be (0|1) for a binary KR$/, 'binaryExactly', 'n'],
  [/^must not be the team itself or one of its sub-teams$/, 'notOwnSubTeam'],
  [/^must not be the team itself$/, 'notTheTeam'],
  [/^must not be the objective itself$/, 'notTheObjective'],
  [/^is already linked to this key result$/, 'alreadyLinked'],
  [/^is required: enter the key result’s current value$/, 'valueRequired'],
  [
    /^cannot be entered by hand: this key result is measured from its linked epics \(now (.+)\)\. Check in your confidence and notes only\.$/,
    'measuredFromEpics',
    'current',
  ],
  [/^is an objective of another cycle than (.+)$/, 'otherCycle', 'cycle'],
  [/^is required when the final score differs from the measured grade$/, 'gradeReasonRequired'],
  [/^must be a KPI of the objective's team or of the company$/, 'kpiOfTeamOrCompany'],
  [/^is an archived KPI$/, 'archivedKpi'],
  [/^already has (\d+) active KPIs, the most a team keeps: archive one first$/, 'kpisPerTeam', 'n'],
  [/^cannot be added: Cadence keeps at most (\d+) KPIs; rename and reuse an archived one$/, 'kpisInAll', 'n'],
  [/^cannot be added: a list keeps at most (\d+) items$/, 'listKeepsAtMost', 'count'],
  [/^must be a week of the cycle \((\S+) to (\S+)\)$/, 'weekOfCycle', 'first', 'last'],
];

/** Whole messages of use cases and of the resolver edge. */
export const MESSAGES: readonly Pattern[] = [
  [
    /^There is no (cycle|objective|team|key result|initiative|person) with the id "(.*)" \(the .+\)\.$/,
    'notFound',
    'what',
    'id',
  ],
  [/^There is no cycle yet \(cycleId\): create one first$/, 'noCycleYet'],
  [/^Sign in to use Cadence\.$/, 'signIn'],
  [/^Cadence is read-only on this site because its license is not active: /, 'unlicensed'],
  [
    /^Only OKR admins can (carry objectives over|change cycles|change settings|change teams|check the data|create cycles|create teams|export data|import data|repair the data)\.$/,
    'okrAdminsOnly',
    'action',
  ],
  [/^Only Jira site admins can (choose the OKR admin group)\.$/, 'siteAdminsOnly', 'action'],
  [/^Only OKR admins can make company objectives \(level\)\.$/, 'mayNotMakeCompanyObjectives'],
  [/^Only the objective’s owner, its team’s members and OKR admins can change it\.$/, 'mayNotChangeObjective'],
  [/^The (\S+) record "(.*)" is not a damaged record: only records data\.health lists can be repaired\.$/, 'notDamaged', 'kind', 'key'],
  [/^Only the key result’s owner or the objective’s owner can check in\.$/, 'mayNotCheckIn'],
  [/^Only the owner, the team or OKR admins can grade "(.*)"\.$/, 'mayNotGrade', 'title'],
  [/^Only the objective’s owner or an OKR admin can write the retrospective of "(.*)"\.$/, 'mayNotWriteRetrospective', 'title'],
  [/^The review opens when the cycle is in review; "(.*)" is in (planning|active|review|closed)\.$/, 'reviewNotOpen', 'cycle', 'status'],
  [/^Someone else changed this objective at the same moment; please try again\.$/, 'concurrentChange'],
  [/^You cannot see this issue\.$/, 'cannotSeeIssue'],
  [/^This key result is already archived\.$/, 'alreadyArchived'],
  [/^The objective is archived; restore it first\.$/, 'objectiveArchived'],
  [
    /^An objective holds at most (\d+) key results; the method's rule is (\d+) to (\d+), and \d+ to (\d+) is recommended\.$/,
    'tooManyKeyResults',
    'cap',
    'min',
    'max',
    'recommendedMax',
  ],
  [/^Only the objective’s current owner or an OKR admin can change its owner \(ownerAccountId\)\.$/, 'mayNotChangeOwner'],
  [/^Only members of (.+) \(or OKR admins\) can put an objective in that team \(teamId\)\.$/, 'mayNotUseTeam', 'team'],
  [/^Individual objectives are their owner’s: you can make them only for yourself \(ownerAccountId\)\.$/, 'individualForSelf'],
  [
    /^Only the key result’s owner, the objective’s owner or an OKR admin can change who owns it \(ownerAccountId\)\.$/,
    'mayNotChangeKeyResultOwner',
  ],
  [/^Check-ins open when the cycle is active; "(.*)" is in (planning|active|review|closed)\.$/, 'checkInsClosed', 'cycle', 'status'],
  [/^This key result is archived\.$/, 'keyResultArchived'],
  [/^This objective is archived; restore it before changing it\.$/, 'objectiveArchivedRestore'],
  [/^This objective is already archived\.$/, 'objectiveAlreadyArchived'],
  [/^This objective is not archived\.$/, 'objectiveNotArchived'],
  [/^An objective holds at most (\d+) linked epics\.$/, 'tooManyEpics', 'n'],
  [/^Cycle "(.*)" is closed\.$/, 'cycleClosed', 'cycle'],
  [/^A closed cycle cannot be changed\.$/, 'closedCycleUnchangeable'],
  [/^Issue (\S+) \(issueKey\) was not found or is not visible to you\.$/, 'issueNotFound', 'key'],
  [/^Issue (\S+) \(issueKey\) is not an epic\.$/, 'issueNotEpic', 'key'],
  [/^Jira is not answering right now \((.*)\); try again in a minute\.$/, 'jiraDown', 'why'],
  [/^Cadence’s data was replaced by an import a moment ago; reload and make the change again\.$/, 'dataReplaced'],
  [/^Another import is running \(or just finished\); try again when it is done\.$/, 'importRunning'],
  [/^Another import started at the same moment; try again in a moment\.$/, 'importStartedMeanwhile'],
  [
    /^The data was replaced by an import while it was being exported; start the export again from the first page\.$/,
    'exportReplaced',
  ],
  [/^No import with this id \(a failed import is cleaned up after a while\)\.$/, 'noImport'],
  [
    /^This part could not be stored, so the import stopped\. Nothing was changed: your data is as it was\. Start the import again\.$/,
    'importPartFailed',
  ],
  [
    /^The import could not be handed over for verification; nothing was changed\. Call finish again in a moment\.$/,
    'importHandOver',
  ],
  [
    /^Storage stopped answering as the import was switched on; reload in a moment to see whether it was applied \(nothing was lost either way\)\.$/,
    'importSwitchUnknown',
  ],
  [
    /^The import was not switched on \(another import changed the data meanwhile\); nothing was changed by this one\.$/,
    'importNotSwitched',
  ],
  [
    /^The import could not be completed \(storage did not answer\)\. Nothing was changed: your data is as it was\. Try again in a moment\.$/,
    'importNoAnswer',
  ],
  [
    /^The import could not be completed \(storage did not take all of it\)\. Nothing was changed: your data is as it was\. Try again in a moment\.$/,
    'importNotAllTaken',
  ],
  [/^This import is (staging|verifying|done|failed): it takes no more parts\.$/, 'importTakesNoParts', 'state'],
  [/^A damaged catalog \(all cycles or all teams\) cannot be removed: replace it\.$/, 'catalogNotRemovable'],
  [/^Cycle "(.*)" is closed; objectives can no longer be added\.$/, 'cycleClosedForObjectives', 'cycle'],
  [/^Grading happens during review; "(.*)" is in (planning|active|review|closed)\.$/, 'gradingInReview', 'cycle', 'status'],
  [/^Only OKR admins can change the company’s "not this cycle" list\.$/, 'mayNotChangeCompanyLeftOut'],
  [/^Only members of (.+) \(or OKR admins\) can change its "not this cycle" list\.$/, 'mayNotChangeLeftOut', 'team'],
  [
    /^There is no item "(.*)" on the last cycle’s "not this cycle" list to carry forward \(carriedFromId\)\.$/,
    'leftOutNotCandidate',
    'id',
  ],
  [/^There is no KPI with the id "(.*)"\.$/, 'kpiNotFound', 'id'],
  [/^Only OKR admins can change the company’s KPIs\.$/, 'mayNotChangeCompanyKpis'],
  [/^Only members of (.+) \(or OKR admins\) can change its KPIs\.$/, 'mayNotChangeKpis', 'team'],
  [/^This KPI is archived\.$/, 'kpiArchived'],
  [/^Storage is not answering right now; try again in a moment\.$/, 'storageDown'],
  [/^Something went wrong on our side; it has been logged\.$/, 'internal'],
  [/^The request is not valid\.$/, 'invalidRequest'],
];

const SAVED_BUT = /^Your change was saved, but showing it failed: (.*) Reload to see it\.$/;

/** The catalog key and params of the first pattern the text matches, undefined when none does. */
export const matchPattern = (
  patterns: readonly Pattern[],
  text: string,
): { key: string; params: Record<string, string> } | undefined => {
  for (const [pattern, key, ...names] of patterns) {
    const m = pattern.exec(text);
    if (m !== null) return { key, params: Object.fromEntries(names.map((name, i) => [name, m[i + 1] ?? ''])) };
  }
  return undefined;
};

/** Params that name a field or a thing are said in the language; numbers keep their digits as written. */
const camel = (words: string): string => words.replace(/ (\w)/g, (_, c: string) => c.toUpperCase());
/** The catalog group a captured part is said from (a thing, an admin action, a type name). */
const SAID_FROM: Readonly<Record<string, string>> = { what: 'things', action: 'actions', type: 'types', status: 'statuses', state: 'importStates' };
const said = (catalog: CatalogWords, fields: FieldLanguage, params: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      const group = SAID_FROM[name];
      if (group !== undefined) return [name, catalog.translate(`errors.${group}.${camel(value)}`)];
      if (name === 'other') return [name, wordsInside(value, fields)];
      return [name, value];
    }),
  );

/** A language's error words from its catalog (the invocation's locale, through Forge's i18n). */
export const errorWordsFrom = (catalog: CatalogWords): ErrorWords => {
  const fields = fieldLanguageFrom(catalog);
  const say = (english: string, field: string | undefined): string => {
    const saved = SAVED_BUT.exec(english);
    if (saved !== null) return catalog.translate('errors.messages.savedBut', { message: say(saved[1] ?? '', field) });
    const found = matchPattern(MESSAGES, english);
    if (found === undefined) return english;
    const params = said(catalog, fields, found.params);
    if (found.key === 'notFound') params.field = fields.the(fieldWords(field ?? '', fields));
    return catalog.translate(`errors.messages.${found.key}`, params);
  };
  return {
    sentence: (field, rule) => {
      const found = matchPattern(RULES, rule.trim());
      if (found === undefined) return fieldSentence(field, rule);
      const { count: n, ...rest } = found.params;
      const params = { ...said(catalog, fields, rest), ...(n === undefined ? {} : { count: Number(n) }) };
      const text = fields.sentence(fieldWords(field, fields), catalog.translate(`errors.rules.${found.key}`, params));
      return /[.!?]$/.test(text) ? text : `${text}.`;
    },
    message: say,
    more: (n) => catalog.translate('errors.messages.more', { count: n }),
  };
};
