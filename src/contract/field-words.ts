/**
 * Payload fields in words, for error messages people read: "The end date must be after the start date."
 * rather than "endDate must be after startDate". Backend and UI both word errors with these.
 */
const WORDS: Readonly<Record<string, string>> = {
  accountId: 'account',
  blockers: 'blockers',
  bands: 'score bands',
  confidence: 'confidence',
  current: 'current value',
  cursor: 'page cursor',
  cycleId: 'cycle',
  data: 'import document',
  description: 'description',
  endDate: 'end date',
  fromCycleId: 'cycle to carry from',
  grades: 'grades',
  greenFrom: 'start of the green band',
  header: 'import header',
  id: 'id',
  importId: 'import',
  initiativeId: 'linked epic',
  issueKey: 'issue key',
  jiraProjectKeys: 'Jira projects',
  keyResultId: 'key result',
  kind: 'kind',
  level: 'level',
  limit: 'page size',
  memberAccountIds: 'members',
  metric: 'measure',
  name: 'name',
  note: 'note',
  objectiveId: 'objective',
  objectiveIds: 'objectives',
  ownerAccountId: 'owner',
  parentObjectiveId: 'parent objective',
  parentTeamId: 'parent team',
  part: 'import part',
  progressSource: 'progress source',
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
const PATHS: Readonly<Record<string, string>> = {
  'bands.greenFrom': 'start of the green band',
  'bands.yellowFrom': 'start of the yellow band',
};

/** One item of a list field, in words ("grades.3" is grade 4). */
const ITEM: Readonly<Record<string, string>> = {
  grades: 'grade',
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
const wordOf = (name: string): string => WORDS[name] ?? camelWords(name);
const isIndex = (segment: string): boolean => /^\d+$/.test(segment);

/**
 * A dotted payload path in words: "endDate" -> "end date", "grades.3.score" -> "score of grade 4",
 * "objectiveIds.1" -> "objective 2", "metric.target" -> "target of the measure", "(payload)" -> "request".
 */
export const fieldWords = (path: string): string => {
  if (path === '' || path === '(payload)') return 'request';
  const whole = PATHS[path];
  if (whole !== undefined) return whole;
  const segments = path.split('.');
  const parts: string[] = [];
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i] ?? '';
    if (isIndex(segment)) {
      const list = segments[i - 1] ?? '';
      parts.push(`${ITEM[list] ?? `${wordOf(list)} item`} ${String(Number(segment) + 1)}`);
      i -= 1;
    } else {
      parts.push(parts.length === 0 ? wordOf(segment) : `the ${wordOf(segment)}`);
    }
  }
  return parts.join(' of ');
};

/**
 * Field names inside a message ("must be after startDate", "repeats objectiveIds.0") in words ("must be
 * after the start date", "repeats objective 1"). Text in double quotes is left as it is: it names
 * something exactly (an unknown field, an example).
 */
const FIELD_IN_TEXT = /"[^"]*"|\b[a-z][A-Za-z]*(?:\.[A-Za-z0-9]+)+\b|\b[a-z]+[A-Z][A-Za-z]*\b/g;
const known = (token: string): boolean => token.split('.').every((s) => isIndex(s) || WORDS[s] !== undefined || ITEM[s] !== undefined);
const wordsInside = (message: string): string =>
  message.replace(FIELD_IN_TEXT, (token) => (token.startsWith('"') || !known(token) ? token : `the ${fieldWords(token)}`));

/** "endDate", "must be after startDate" -> "The end date must be after the start date." */
export const fieldSentence = (path: string, message: string): string => {
  const text = `The ${fieldWords(path)} ${wordsInside(message.trim())}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
};
