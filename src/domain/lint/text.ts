/**
 * Reading numbers in titles. Objectives are time-bound, so time references ("by Q3 2027", "FY27", "H2",
 * "2027-28") are not numbers. Digits glued to letters are names, not quantities ("B2B", "Web3", "P1").
 */
const TIME_REFERENCES =
  /\b(?:(?:19|20)\d{2}(?:[/-](?:\d{4}|\d{2}))?|Q[1-4]|H[12]|FY\s?(?:\d{4}|\d{2})(?:[/-](?:\d{4}|\d{2}))?)\b/giu;

/** A digit starting a number that is not part of a name, a percent sign or a currency symbol. */
const FIGURE = /(?<![\p{L}\d])\d|%|\p{Sc}/u;

/**
 * Quantities written in words still make a KR title measurable ("Double weekly active teams", "Verdubbel
 * het aantal actieve teams"): English and Dutch, the languages Cadence speaks.
 */
const NUMBER_WORD =
  /(?<![\p{L}\d])(?:zero|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|billion|double|triple|twice|halve|nul|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|twintig|honderd|duizend|miljoen|miljard|verdubbel(?:en)?|verdrievoudig(?:en)?|halveer|halveren|tweemaal)(?![\p{L}\d])/iu;

const withoutTimeReferences = (text: string): string => text.replace(TIME_REFERENCES, ' ');

/** True when the text states a figure other than a time reference (objective-has-numbers). */
export const containsFigure = (text: string): boolean => FIGURE.test(withoutTimeReferences(text));

/** True when the text states a quantity in figures or words (key-result-not-measurable). */
export const statesQuantity = (text: string): boolean =>
  containsFigure(text) || NUMBER_WORD.test(withoutTimeReferences(text));

/**
 * Imperative verbs that name work rather than a change in the world, in English and Dutch. "Hire" /
 * "werf" is left out on purpose ("Hire 5 support engineers" is a verifiable capacity result teams
 * legitimately set), and so are outcome verbs such as increase, reduce, grow, achieve, secure (verhoog,
 * verlaag, laat groeien, realiseer), and Dutch verbs too general to mean work ("maak", "zet", "houd").
 */
export const ACTIVITY_VERBS: readonly string[] = [
  'launch',
  'build',
  'implement',
  'create',
  'develop',
  'ship',
  'release',
  'deploy',
  'write',
  'rewrite',
  'draft',
  'design',
  'redesign',
  'migrate',
  'complete',
  'finish',
  'hold',
  'run',
  'organise',
  'organize',
  'set up',
  'roll out',
  'introduce',
  'add',
  'start',
  'begin',
  'do',
  'conduct',
  'publish',
  'refactor',
  'integrate',
  'install',
  'configure',
  'document',
  'plan',
  'prepare',
  'host',
  'send',
  'update',
  'upgrade',
  'work on',
  // Dutch imperatives (split verbs by their first part: "Voeg SSO toe", "Voer het nieuwe proces in").
  'lanceer',
  'bouw',
  'implementeer',
  'creëer',
  'ontwikkel',
  'schrijf',
  'herschrijf',
  'ontwerp',
  'herontwerp',
  'migreer',
  'voltooi',
  'organiseer',
  'introduceer',
  'voeg',
  'voer',
  'publiceer',
  'integreer',
  'installeer',
  'configureer',
  'documenteer',
  'bereid',
  'verstuur',
  'stuur',
  'werk aan',
];

const ACTIVITY_START = new RegExp(`^(?:${ACTIVITY_VERBS.map((v) => v.replace(' ', '\\s+')).join('|')})\\b`, 'iu');

/** The activity verb a title starts with, as written, or undefined. */
export const leadingActivityVerb = (title: string): string | undefined => ACTIVITY_START.exec(title.trim())?.[0];
