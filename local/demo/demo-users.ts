/**
 * The people of Acme Cloud, a mid-size company selling HR and payroll software to enterprises.
 * Account ids are stable (24 hex digits, the shape of real Atlassian account ids) so tests, the
 * host's user switcher and seeded OKR data can refer to them.
 */

export type DemoRole = 'admin' | 'product-manager' | 'engineer';

export interface DemoUser {
  accountId: string;
  displayName: string;
  email: string;
  role: DemoRole;
  title: string;
  siteAdmin: boolean;
  timeZone: string;
  /** Jira's form (`en_US`, `nl_NL`): the language Forge gives this person's views and resolvers. */
  locale: string;
  groups: readonly string[];
}

const EVERYONE = 'jira-software-users';

export const DEMO_USERS = {
  elena: {
    accountId: '5f0c1a2b3c4d5e6f7a8b9c01',
    displayName: 'Elena Petrova',
    email: 'elena.petrova@acme-cloud.example',
    role: 'admin',
    title: 'Head of IT and Jira administrator',
    siteAdmin: true,
    timeZone: 'Europe/Berlin',
    locale: 'en_US',
    groups: [EVERYONE, 'site-admins', 'security-team'],
  },
  priya: {
    accountId: '5f0c1a2b3c4d5e6f7a8b9c02',
    displayName: 'Priya Raman',
    email: 'priya.raman@acme-cloud.example',
    role: 'product-manager',
    title: 'Product manager, Payments',
    siteAdmin: false,
    timeZone: 'Europe/London',
    locale: 'en_US',
    groups: [EVERYONE, 'payments-team'],
  },
  marcus: {
    accountId: '5f0c1a2b3c4d5e6f7a8b9c03',
    displayName: 'Marcus Chen',
    email: 'marcus.chen@acme-cloud.example',
    role: 'product-manager',
    title: 'Product manager, Onboarding',
    siteAdmin: false,
    timeZone: 'America/Toronto',
    locale: 'en_US',
    groups: [EVERYONE, 'onboarding-team'],
  },
  sofia: {
    accountId: '5f0c1a2b3c4d5e6f7a8b9c04',
    displayName: 'Sofia Alvarez',
    email: 'sofia.alvarez@acme-cloud.example',
    role: 'product-manager',
    title: 'Engineering manager, Platform',
    siteAdmin: false,
    timeZone: 'Europe/Madrid',
    locale: 'en_US',
    groups: [EVERYONE, 'platform-team'],
  },
  daniel: {
    accountId: '5f0c1a2b3c4d5e6f7a8b9c05',
    displayName: 'Daniel Okafor',
    email: 'daniel.okafor@acme-cloud.example',
    role: 'engineer',
    title: 'Senior engineer, Payments',
    siteAdmin: false,
    timeZone: 'Europe/London',
    locale: 'en_US',
    groups: [EVERYONE, 'payments-team'],
  },
  hannah: {
    accountId: '5f0c1a2b3c4d5e6f7a8b9c06',
    displayName: 'Hannah Müller',
    email: 'hannah.mueller@acme-cloud.example',
    role: 'engineer',
    title: 'Engineer, Onboarding',
    siteAdmin: false,
    timeZone: 'Europe/Berlin',
    locale: 'en_US',
    groups: [EVERYONE, 'onboarding-team'],
  },
  kenji: {
    accountId: '5f0c1a2b3c4d5e6f7a8b9c07',
    displayName: 'Kenji Watanabe',
    email: 'kenji.watanabe@acme-cloud.example',
    role: 'engineer',
    title: 'Staff engineer, Platform',
    siteAdmin: false,
    timeZone: 'Asia/Tokyo',
    locale: 'en_US',
    groups: [EVERYONE, 'platform-team'],
  },
  grace: {
    accountId: '5f0c1a2b3c4d5e6f7a8b9c08',
    displayName: 'Grace Liu',
    email: 'grace.liu@acme-cloud.example',
    role: 'engineer',
    title: 'Security engineer',
    siteAdmin: false,
    timeZone: 'America/Los_Angeles',
    locale: 'en_US',
    groups: [EVERYONE, 'security-team'],
  },
  /** Works in Dutch: her Jira language is Nederlands, so `?as=` her shows Cadence in Dutch by default. */
  sanne: {
    accountId: '5f0c1a2b3c4d5e6f7a8b9c09',
    displayName: 'Sanne de Vries',
    email: 'sanne.devries@acme-cloud.example',
    role: 'engineer',
    title: 'Engineer, Platform (works in Dutch)',
    siteAdmin: false,
    timeZone: 'Europe/Amsterdam',
    locale: 'nl_NL',
    groups: [EVERYONE, 'platform-team'],
  },
} as const satisfies Record<string, DemoUser>;

export type DemoUserHandle = keyof typeof DEMO_USERS;

export const DEMO_USER_LIST: readonly DemoUser[] = Object.values(DEMO_USERS);
