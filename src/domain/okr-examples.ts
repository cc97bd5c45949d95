import type { Locale, MetricKind } from '../contract';

/**
 * Example OKRs to start from, by function, in English and Dutch: written by us to follow the method
 * (an objective without numbers, 3 measurable outcome KRs each, some going down), and checked against the
 * quality rules by okr-examples.test.ts so an example never teaches a mistake. People copy one and adapt it.
 */
export type ExampleArea = 'product-engineering' | 'marketing' | 'sales' | 'people' | 'customer-success';
export const EXAMPLE_AREAS: readonly ExampleArea[] = [
  'product-engineering',
  'marketing',
  'sales',
  'people',
  'customer-success',
];

type Words = Readonly<Record<Locale, string>>;

export interface ExampleKeyResult {
  readonly title: Words;
  readonly kind: MetricKind;
  readonly start: number;
  readonly target: number;
  /** The unit in each language ("days" / "dagen"); none for plain counts and binary KRs. */
  readonly unit?: Words;
}

export interface OkrExample {
  readonly id: string;
  readonly area: ExampleArea;
  readonly objective: Words;
  readonly keyResults: readonly ExampleKeyResult[];
}

const PERCENT: Words = { 'en-US': '%', 'nl-NL': '%' };
const DAYS: Words = { 'en-US': 'days', 'nl-NL': 'dagen' };
const HOURS: Words = { 'en-US': 'hours', 'nl-NL': 'uur' };
const MINUTES: Words = { 'en-US': 'minutes', 'nl-NL': 'minuten' };
const EUR: Words = { 'en-US': 'EUR', 'nl-NL': 'EUR' };

export const OKR_EXAMPLES: readonly OkrExample[] = [
  {
    id: 'pe-reliable-releases',
    area: 'product-engineering',
    objective: {
      'en-US': 'Make every release a non-event for our customers',
      'nl-NL': 'Maak elke release een non-event voor onze klanten',
    },
    keyResults: [
      {
        title: {
          'en-US': 'Reduce change failure rate from 18% to 5%',
          'nl-NL': 'Verlaag het percentage mislukte wijzigingen van 18% naar 5%',
        },
        kind: 'percent',
        start: 18,
        target: 5,
        unit: PERCENT,
      },
      {
        title: {
          'en-US': 'Cut median time to restore service from 6 hours to 1 hour',
          'nl-NL': 'Verkort de mediane hersteltijd van 6 uur naar 1 uur',
        },
        kind: 'number',
        start: 6,
        target: 1,
        unit: HOURS,
      },
      {
        title: {
          'en-US': 'Increase deployments per week from 3 to 15',
          'nl-NL': 'Verhoog het aantal deployments per week van 3 naar 15',
        },
        kind: 'number',
        start: 3,
        target: 15,
      },
    ],
  },
  {
    id: 'pe-first-value',
    area: 'product-engineering',
    objective: {
      'en-US': 'Help new teams reach their first success in our product on day one',
      'nl-NL': 'Laat nieuwe teams op dag één hun eerste succes met ons product behalen',
    },
    keyResults: [
      {
        title: {
          'en-US': 'Increase 7-day activation of new workspaces from 41% to 65%',
          'nl-NL': 'Verhoog de activatie binnen 7 dagen van nieuwe workspaces van 41% naar 65%',
        },
        kind: 'percent',
        start: 41,
        target: 65,
        unit: PERCENT,
      },
      {
        title: {
          'en-US': 'Reduce median time to the first shared board from 180 to 20 minutes',
          'nl-NL': 'Verkort de mediane tijd tot het eerste gedeelde bord van 180 naar 20 minuten',
        },
        kind: 'number',
        start: 180,
        target: 20,
        unit: MINUTES,
      },
      {
        title: {
          'en-US': 'Lower setup-related support tickets from 120 to 40 a month',
          'nl-NL': 'Verminder supporttickets over de installatie van 120 naar 40 per maand',
        },
        kind: 'number',
        start: 120,
        target: 40,
      },
    ],
  },
  {
    id: 'mk-category-voice',
    area: 'marketing',
    objective: {
      'en-US': 'Become the voice engineering leaders trust on planning',
      'nl-NL': 'Word de stem die engineeringleiders vertrouwen over planning',
    },
    keyResults: [
      {
        title: {
          'en-US': 'Grow organic monthly visitors from 40,000 to 75,000',
          'nl-NL': 'Laat het aantal organische bezoekers per maand groeien van 40.000 naar 75.000',
        },
        kind: 'number',
        start: 40000,
        target: 75000,
      },
      {
        title: {
          'en-US': 'Secure 5 guest articles in publications our buyers read',
          'nl-NL': 'Realiseer 5 gastartikelen in vakbladen die onze kopers lezen',
        },
        kind: 'number',
        start: 0,
        target: 5,
      },
      {
        title: {
          'en-US': 'Increase newsletter subscribers from 2,500 to 6,000',
          'nl-NL': 'Verhoog het aantal nieuwsbriefabonnees van 2.500 naar 6.000',
        },
        kind: 'number',
        start: 2500,
        target: 6000,
      },
    ],
  },
  {
    id: 'mk-pipeline',
    area: 'marketing',
    objective: {
      'en-US': 'Fill the pipeline with teams that are ready to buy',
      'nl-NL': 'Vul de pijplijn met teams die klaar zijn om te kopen',
    },
    keyResults: [
      {
        title: {
          'en-US': 'Increase marketing-qualified leads from 300 to 550 a month',
          'nl-NL': 'Verhoog het aantal marketing-gekwalificeerde leads van 300 naar 550 per maand',
        },
        kind: 'number',
        start: 300,
        target: 550,
      },
      {
        title: {
          'en-US': 'Raise lead-to-opportunity conversion from 8% to 14%',
          'nl-NL': 'Verhoog de conversie van lead naar kans van 8% naar 14%',
        },
        kind: 'percent',
        start: 8,
        target: 14,
        unit: PERCENT,
      },
      {
        title: {
          'en-US': 'Lower cost per qualified lead from 180 to 120 EUR',
          'nl-NL': 'Verlaag de kosten per gekwalificeerde lead van 180 naar 120 EUR',
        },
        kind: 'currency',
        start: 180,
        target: 120,
        unit: EUR,
      },
    ],
  },
  {
    id: 'sa-mid-market',
    area: 'sales',
    objective: {
      'en-US': 'Win the mid-market with a sale that feels effortless',
      'nl-NL': 'Win de middenmarkt met een verkoop die moeiteloos voelt',
    },
    keyResults: [
      {
        title: {
          'en-US': 'Grow new annual recurring revenue from 400,000 to 650,000 EUR',
          'nl-NL': 'Laat de nieuwe jaarlijks terugkerende omzet groeien van 400.000 naar 650.000 EUR',
        },
        kind: 'currency',
        start: 400000,
        target: 650000,
        unit: EUR,
      },
      {
        title: {
          'en-US': 'Shorten the average sales cycle from 62 days to 40 days',
          'nl-NL': 'Verkort de gemiddelde verkoopcyclus van 62 dagen naar 40 dagen',
        },
        kind: 'number',
        start: 62,
        target: 40,
        unit: DAYS,
      },
      {
        title: {
          'en-US': 'Increase win rate on qualified opportunities from 22% to 30%',
          'nl-NL': 'Verhoog het winstpercentage op gekwalificeerde kansen van 22% naar 30%',
        },
        kind: 'percent',
        start: 22,
        target: 30,
        unit: PERCENT,
      },
    ],
  },
  {
    id: 'sa-expansion',
    area: 'sales',
    objective: {
      'en-US': 'Grow with the customers who already love us',
      'nl-NL': 'Groei mee met de klanten die al fan van ons zijn',
    },
    keyResults: [
      {
        title: {
          'en-US': 'Increase net revenue retention from 104% to 115%',
          'nl-NL': 'Verhoog de netto omzetretentie van 104% naar 115%',
        },
        kind: 'percent',
        start: 104,
        target: 115,
        unit: PERCENT,
      },
      {
        title: {
          'en-US': 'Expand 25 accounts to a second department',
          'nl-NL': 'Breid 25 klanten uit naar een tweede afdeling',
        },
        kind: 'number',
        start: 0,
        target: 25,
      },
      {
        title: {
          'en-US': 'Secure 6 reference customers willing to join sales calls',
          'nl-NL': 'Vind 6 referentieklanten die willen meedoen aan verkoopgesprekken',
        },
        kind: 'number',
        start: 0,
        target: 6,
      },
    ],
  },
  {
    id: 'pp-great-place',
    area: 'people',
    objective: {
      'en-US': 'Make this the place where engineers do the best work of their careers',
      'nl-NL': 'Maak dit de plek waar engineers het beste werk van hun carrière doen',
    },
    keyResults: [
      {
        title: {
          'en-US': 'Raise the engagement survey score from 68 to 80',
          'nl-NL': 'Verhoog de score van het betrokkenheidsonderzoek van 68 naar 80',
        },
        kind: 'number',
        start: 68,
        target: 80,
      },
      {
        title: {
          'en-US': 'Reduce regretted attrition from 12% to 6% a year',
          'nl-NL': 'Verlaag het ongewenste verloop van 12% naar 6% per jaar',
        },
        kind: 'percent',
        start: 12,
        target: 6,
        unit: PERCENT,
      },
      {
        title: {
          'en-US': 'Increase internal promotions into senior roles from 30% to 50%',
          'nl-NL': 'Verhoog het aandeel interne promoties naar senior rollen van 30% naar 50%',
        },
        kind: 'percent',
        start: 30,
        target: 50,
        unit: PERCENT,
      },
    ],
  },
  {
    id: 'pp-hiring',
    area: 'people',
    objective: {
      'en-US': 'Give every candidate an experience they would recommend',
      'nl-NL': 'Geef elke kandidaat een ervaring die ze zouden aanbevelen',
    },
    keyResults: [
      {
        title: {
          'en-US': 'Shorten time from application to offer from 38 days to 21 days',
          'nl-NL': 'Verkort de tijd van sollicitatie tot aanbod van 38 dagen naar 21 dagen',
        },
        kind: 'number',
        start: 38,
        target: 21,
        unit: DAYS,
      },
      {
        title: {
          'en-US': 'Increase candidate satisfaction from 3.6 to 4.5 out of 5',
          'nl-NL': 'Verhoog de tevredenheid van kandidaten van 3,6 naar 4,5 op 5',
        },
        kind: 'number',
        start: 3.6,
        target: 4.5,
      },
      {
        title: {
          'en-US': 'Raise offer acceptance from 70% to 88%',
          'nl-NL': 'Verhoog het aandeel geaccepteerde aanbiedingen van 70% naar 88%',
        },
        kind: 'percent',
        start: 70,
        target: 88,
        unit: PERCENT,
      },
    ],
  },
  {
    id: 'cs-referenceable',
    area: 'customer-success',
    objective: {
      'en-US': 'Make our first enterprise customers successful and referenceable',
      'nl-NL': 'Maak onze eerste enterpriseklanten succesvol en bereid om ons aan te bevelen',
    },
    keyResults: [
      {
        title: {
          'en-US': 'Increase enterprise logo retention from 82% to 92%',
          'nl-NL': 'Verhoog het behoud van enterpriseklanten van 82% naar 92%',
        },
        kind: 'percent',
        start: 82,
        target: 92,
        unit: PERCENT,
      },
      {
        title: {
          'en-US': 'Reduce onboarding time for enterprise accounts from 28 days to 10 days',
          'nl-NL': 'Verkort de onboardingtijd van enterpriseklanten van 28 dagen naar 10 dagen',
        },
        kind: 'number',
        start: 28,
        target: 10,
        unit: DAYS,
      },
      {
        title: {
          'en-US': 'Secure 6 enterprise reference customers for case studies',
          'nl-NL': 'Vind 6 enterprise-referentieklanten voor klantverhalen',
        },
        kind: 'number',
        start: 0,
        target: 6,
      },
    ],
  },
  {
    id: 'cs-fast-help',
    area: 'customer-success',
    objective: {
      'en-US': 'Make getting help feel faster than finding the answer yourself',
      'nl-NL': 'Zorg dat hulp krijgen sneller voelt dan zelf het antwoord zoeken',
    },
    keyResults: [
      {
        title: {
          'en-US': 'Cut median first response time from 9 hours to 2 hours',
          'nl-NL': 'Verkort de mediane eerste reactietijd van 9 uur naar 2 uur',
        },
        kind: 'number',
        start: 9,
        target: 2,
        unit: HOURS,
      },
      {
        title: {
          'en-US': 'Increase customer satisfaction on support tickets from 86% to 94%',
          'nl-NL': 'Verhoog de klanttevredenheid over supporttickets van 86% naar 94%',
        },
        kind: 'percent',
        start: 86,
        target: 94,
        unit: PERCENT,
      },
      {
        title: {
          'en-US': 'Resolve 40% of questions through the help center, up from 15%',
          'nl-NL': 'Beantwoord 40% van de vragen via het helpcentrum, tegen 15% nu',
        },
        kind: 'percent',
        start: 15,
        target: 40,
        unit: PERCENT,
      },
    ],
  },
];

/** The examples of one area, in the order written. */
export const examplesOf = (area: ExampleArea): OkrExample[] => OKR_EXAMPLES.filter((e) => e.area === area);
