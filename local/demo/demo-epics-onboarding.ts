import type { DemoEpic } from './demo-initiatives';

/** Onboarding's initiatives: the enterprise onboarding playbook and the at-risk workspace review lead the company OKR. */
export const ONBOARDING_EPICS: readonly DemoEpic[] = [
  {
    project: 'ONB',
    summary: 'Enterprise onboarding playbook',
    description: 'A named playbook that takes enterprise accounts from contract to go-live in 10 days instead of 28.',
    status: 'In Progress',
    owner: 'marcus',
    labels: ['enterprise', 'q1-okr'],
    day: 0,
    children: [
      {
        type: 'Story',
        summary: 'Draft the 30-day onboarding playbook for enterprise accounts',
        status: 'Done',
        who: 'marcus',
      },
      {
        type: 'Task',
        summary: 'Interview five enterprise admins about their first month',
        status: 'Done',
        who: 'marcus',
      },
      {
        type: 'Story',
        summary: 'Kick-off checklist template for customer success managers',
        status: 'In Review',
        who: 'hannah',
      },
      {
        type: 'Story',
        summary: 'Automate the day-one welcome sequence for workspace admins',
        status: 'In Progress',
        who: 'hannah',
      },
      {
        type: 'Task',
        summary: 'Playbook training session for the customer success team',
        status: 'To Do',
        who: 'marcus',
      },
      { type: 'Story', summary: 'Localised playbook for German-speaking customers', status: "Won't Do", who: 'hannah' },
    ],
  },
  {
    project: 'ONB',
    summary: 'Weekly executive review of at-risk enterprise workspaces',
    description:
      'Every Monday the leadership team reviews enterprise workspaces whose health score dropped, and assigns an owner to each.',
    status: 'In Progress',
    owner: 'marcus',
    labels: ['enterprise', 'q1-okr', 'retention'],
    day: 2,
    children: [
      { type: 'Task', summary: 'Define at-risk criteria with customer success', status: 'Done', who: 'marcus' },
      {
        type: 'Story',
        summary: 'At-risk workspace report for the Monday executive review',
        status: 'Done',
        who: 'hannah',
      },
      { type: 'Story', summary: 'Slack digest of at-risk workspaces', status: 'In Progress', who: 'hannah' },
      { type: 'Bug', summary: 'At-risk report counts archived workspaces', status: 'To Do', who: 'hannah' },
      {
        type: 'Story',
        summary: 'Export the at-risk list to CSV',
        status: 'Done',
        resolution: 'Duplicate',
        who: 'hannah',
      },
    ],
  },
  {
    project: 'ONB',
    summary: 'Self-serve SSO and SCIM setup wizard',
    description: 'Enterprise IT teams connect their identity provider without a support ticket.',
    status: 'In Progress',
    owner: 'hannah',
    labels: ['enterprise', 'q1-okr'],
    day: 4,
    children: [
      { type: 'Story', summary: 'SAML setup wizard with metadata upload', status: 'Done', who: 'hannah' },
      {
        type: 'Story',
        summary: 'SCIM provisioning test connection button',
        status: 'In Progress',
        who: 'hannah',
        subtasks: [
          { summary: 'Set up an Okta test tenant', status: 'Done', who: 'hannah' },
          { summary: 'Set up an Azure AD test tenant', status: 'In Progress', who: 'kenji' },
        ],
      },
      { type: 'Bug', summary: 'Wizard loses progress on browser refresh', status: 'In Review', who: 'hannah' },
      { type: 'Story', summary: 'Link the setup guides from each wizard step', status: 'To Do', who: 'marcus' },
    ],
  },
  {
    project: 'ONB',
    summary: 'Guided data import for HR records',
    description: 'New customers bring their employee records over from their old HR system in one sitting.',
    status: 'To Do',
    owner: 'marcus',
    labels: ['enterprise'],
    day: 6,
    children: [
      { type: 'Story', summary: 'CSV import with column mapping', status: 'To Do', who: 'hannah' },
      { type: 'Story', summary: 'Validation report for rejected rows', status: 'To Do', who: 'hannah' },
      { type: 'Task', summary: 'Sample import files for common HRIS exports', status: 'Backlog', who: 'marcus' },
    ],
  },
];
