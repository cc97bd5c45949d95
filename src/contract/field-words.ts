/**
 * Payload fields in words, for error messages people read: "The end date must be after the start date."
 * rather than "endDate must be after startDate". These are the English words; locales/<locale>/backend/errors.json
 * holds them per language (test/i18n checks the English catalog says exactly these).
 */
export const WORDS: Readonly<Record<string, string>> = {
  accountId: 'account',
  action: 'repair action',
  adminGroup: 'OKR admin group',
  atRiskBy: 'at-risk threshold',
  bands: 'score bands',
  behindBy: 'behind threshold',
  blockers: 'blockers',
  confidence: 'confidence',
  current: 'current value',
  cursor: 'page cursor',
  cycleId: 'cycle',
  data: 'import document',
  drove: 'what drove progress',
  description: 'description',
  didNot: 'what did not drive progress',
  direction: 'direction',
  endDate: 'end date',
  fromCycleId: 'cycle to carry from',
  grades: 'grades',
  greenFrom: 'start of the green band',
  groupId: 'group id',
  header: 'import header',
  healthy: 'healthy range',
  id: 'id',
  importId: 'import',
  initiativeId: 'linked epic',
  issueKey: 'issue key',
  jiraProjectKeys: 'Jira projects',
  key: 'record key',
  keyResultId: 'key result',
  kind: 'kind',
  learned: 'what we learned',
  kpiId: 'KPI',
  level: 'level',
  limit: 'page size',
  max: 'highest healthy value',
  memberAccountIds: 'members',
  metric: 'measure',
  min: 'lowest healthy value',
  name: 'name',
  note: 'note',
  objectiveId: 'objective',
  objectiveIds: 'objectives',
  ownerAccountId: 'owner',
  pace: 'pace thresholds',
  parentObjectiveId: 'parent objective',
  parentTeamId: 'parent team',
  part: 'import part',
  progressSource: 'progress source',
  reason: 'reason',
  record: 'repaired record',
  requestId: 'request id',
  retrospective: 'retrospective',
  retrospectives: 'retrospectives',
  reviewerAccountId: 'reviewer',
  score: 'score',
  start: 'start value',
  startDate: 'start date',
  status: 'status',
  target: 'target',
  teamId: 'team',
  title: 'title',
  toCycleId: 'cycle to carry into',
  unit: 'unit',
  value: 'value',
  weight: 'weight',
  yellowFrom: 'start of the yellow band',
};

/** Paths whose words read better whole than segment by segment. */
export const PATHS: Readonly<Record<string, string>> = {
  'bands.greenFrom': 'start of the green band',
  'bands.yellowFrom': 'start of the yellow band',
  'pace.atRiskBy': 'at-risk threshold',
  'pace.behindBy': 'behind threshold',
  'adminGroup.name': 'name of the OKR admin group',
  'adminGroup.groupId': 'OKR admin group',
  'asOf.week': 'week the figures stand at',
  'healthy.min': 'lowest healthy value',
  'healthy.max': 'highest healthy value',
};

/** One item of a list field, in words ("grades.3" is grade 4). */
export const ITEM: Readonly<Record<string, string>> = {
  grades: 'grade',
  choices: 'choice',
  retrospectives: 'retrospective',
  objectiveIds: 'objective',
  memberAccountIds: 'member',
  jiraProjectKeys: 'Jira project',
  objectives: 'objective',
  keyResults: 'key result',
  checkIns: 'check-in',
  cycles: 'cycle',
  teams: 'team',
};

const camelWords = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
const isIndex = (segment: string): boolean => /^\d+$/.test(segment);

/**
 * How one language puts field words together. English is built in (the words above); another language
 * comes from its catalog (`errors.*` of locales/<locale>/backend/errors.json, see fieldLanguageFrom), chosen by the
 * resolver for the invocation's locale, so the same paths read naturally in either.
 */
export interface FieldLanguage {
  /** A known field's words ("end date"; in Dutch with its article, "de einddatum"), undefined when unknown. */
  word(name: string): string | undefined;
  /** Words for a whole dotted path that reads better whole ("bands.greenFrom"). */
  path(path: string): string | undefined;
  /** Item n (1-based) of a list field ("grade 4"), undefined when the list has no item word. */
  item(list: string, n: number): string | undefined;
  /** Item n of a list without an item word ("things item 3"). */
  listItem(listWords: string, n: number): string;
  /** A field named after the first one ("the measure"): English adds the article, Dutch words carry theirs. */
  the(words: string): string;
  /** "score" and "grade 4" -> "score of grade 4". */
  of(part: string, whole: string): string;
  /** The payload as a whole. */
  request: string;
  /** A sentence about a field: "The end date must be after the start date." (without the full stop). */
  sentence(field: string, rule: string): string;
}

export const ENGLISH_FIELDS: FieldLanguage = {
  word: (name) => WORDS[name],
  path: (path) => PATHS[path],
  item: (list, n) => {
    const item = ITEM[list];
    return item === undefined ? undefined : `${item} ${String(n)}`;
  },
  listItem: (listWords, n) => `${listWords} item ${String(n)}`,
  the: (words) => `the ${words}`,
  of: (part, whole) => `${part} of ${whole}`,
  request: 'request',
  sentence: (field, rule) => `The ${field} ${rule}`,
};

/** Looks a catalog key up (null when absent) and fills `{name}` params: what contract/i18n's translator gives. */
export interface CatalogWords {
  lookup(key: string): string | null;
  translate(key: string, params?: Readonly<Record<string, string | number>>): string;
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A language's field words from its catalog: errors.fields, errors.paths, errors.items and errors.words. */
export const fieldLanguageFrom = (catalog: CatalogWords): FieldLanguage => ({
  word: (name) => catalog.lookup(`errors.fields.${name}`) ?? undefined,
  path: (path) => catalog.lookup(`errors.paths.${path}`) ?? undefined,
  item: (list, n) =>
    catalog.lookup(`errors.items.${list}`) === null
      ? undefined
      : catalog.translate(`errors.items.${list}`, { n: String(n) }),
  listItem: (listWords, n) => catalog.translate('errors.words.listItem', { list: listWords, n: String(n) }),
  the: (words) => catalog.translate('errors.words.the', { field: words }),
  of: (part, whole) => catalog.translate('errors.words.of', { part, whole }),
  request: catalog.translate('errors.words.request'),
  sentence: (field, rule) => capitalised(catalog.translate('errors.words.sentence', { field, rule })),
});

/**
 * A dotted payload path in words: "endDate" -> "end date", "grades.3.score" -> "score of grade 4",
 * "objectiveIds.1" -> "objective 2", "metric.target" -> "target of the measure", "(payload)" -> "request".
 */
export const fieldWords = (path: string, language: FieldLanguage = ENGLISH_FIELDS): string => {
  if (path === '' || path === '(payload)') return language.request;
  const whole = language.path(path);
  if (whole !== undefined) return whole;
  const wordOf = (name: string): string => language.word(name) ?? camelWords(name);
  const segments = path.split('.');
  const parts: string[] = [];
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i] ?? '';
    if (isIndex(segment)) {
      const list = segments[i - 1] ?? '';
      const n = Number(segment) + 1;
      parts.push(language.item(list, n) ?? language.listItem(wordOf(list), n));
      i -= 1;
    } else {
      parts.push(parts.length === 0 ? wordOf(segment) : language.the(wordOf(segment)));
    }
  }
  return parts.reduce((whole, part) => language.of(whole, part));
};

/**
 * Field names inside a message ("must be after startDate", "repeats objectiveIds.0") in words ("must be
 * after the start date", "repeats objective 1"). Text in double quotes is left as it is: it names
 * something exactly (an unknown field, an example).
 */
const FIELD_IN_TEXT = /"[^"]*"|\b[a-z][A-Za-z]*(?:\.[A-Za-z0-9]+)+\b|\b[a-z]+[A-Z][A-Za-z]*\b/g;
const known = (token: string): boolean =>
  token.split('.').every((s) => isIndex(s) || WORDS[s] !== undefined || ITEM[s] !== undefined);
export const wordsInside = (message: string, language: FieldLanguage = ENGLISH_FIELDS): string =>
  message.replace(FIELD_IN_TEXT, (token) =>
    token.startsWith('"') || !known(token) ? token : language.the(fieldWords(token, language)),
  );

/** "endDate", "must be after startDate" -> "The end date must be after the start date." */
export const fieldSentence = (path: string, message: string, language: FieldLanguage = ENGLISH_FIELDS): string => {
  const text = language.sentence(fieldWords(path, language), wordsInside(message.trim(), language));
  return /[.!?]$/.test(text) ? text : `${text}.`;
};
