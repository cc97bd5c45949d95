import type { DemoEpic } from './demo-initiatives';

/** Platform's and Security's initiatives (Security's project is restricted). */
export const PLATFORM_EPICS: readonly DemoEpic[] = [
  {
    project: 'PLAT',
    summary: 'Workspace health score service',
    description:
      'One health score per workspace (logins, active seats, support tickets) that feeds the at-risk review.',
    status: 'In Progress',
    owner: 'sofia',
    labels: ['retention', 'q1-okr'],
    day: 1,
    children: [
      {
        type: 'Story',
        summary: 'Health score model v1 from logins, seats and support tickets',
        status: 'Done',
        who: 'kenji',
      },
      { type: 'Story', summary: 'Nightly health score job', status: 'Done', who: 'kenji' },
      { type: 'Task', summary: 'Backfill twelve months of usage events', status: 'In Review', who: 'kenji' },
      { type: 'Story', summary: 'Health score API for the admin console', status: 'In Progress', who: 'kenji' },
      { type: 'Bug', summary: 'Health score is empty for workspaces created today', status: 'To Do', who: 'kenji' },
      { type: 'Story', summary: 'Machine-learned churn prediction', status: "Won't Do", who: 'sofia' },
    ],
  },
  {
    project: 'PLAT',
    summary: 'EU data residency for enterprise workspaces',
    description: 'European enterprise customers keep their employee data in the EU, a blocker in three open deals.',
    status: 'In Progress',
    owner: 'sofia',
    labels: ['enterprise', 'compliance'],
    day: 7,
    children: [
      { type: 'Story', summary: 'Provision the EU region database cluster', status: 'Done', who: 'kenji' },
      { type: 'Story', summary: 'Route EU workspaces to the EU region', status: 'In Progress', who: 'kenji' },
      { type: 'Task', summary: 'Update the data processing addendum', status: 'To Do', who: 'sofia' },
      { type: 'Story', summary: 'Migrate existing EU customers', status: 'To Do', who: 'kenji' },
    ],
  },
  {
    project: 'PLAT',
    summary: 'Uptime SLA reporting for enterprise contracts',
    description: 'Enterprise customers get a monthly uptime report that matches the SLA in their contract.',
    status: 'To Do',
    owner: 'sofia',
    labels: ['enterprise', 'reliability'],
    day: 9,
    children: [
      { type: 'Task', summary: 'Agree SLA definitions with Legal', status: 'In Progress', who: 'sofia' },
      { type: 'Story', summary: 'Monthly uptime report per workspace', status: 'To Do', who: 'kenji' },
      { type: 'Story', summary: 'Public status page', status: 'Done', resolution: 'Duplicate', who: 'kenji' },
    ],
  },
  {
    project: 'SEC',
    summary: 'SOC 2 Type II audit readiness',
    description: 'Pass the SOC 2 Type II audit that enterprise procurement teams ask for.',
    status: 'In Progress',
    owner: 'grace',
    labels: ['compliance', 'enterprise'],
    day: 2,
    children: [
      { type: 'Task', summary: 'Collect access review evidence for Q1', status: 'Done', who: 'grace' },
      { type: 'Story', summary: 'Automated offboarding of leavers\u2019 access', status: 'In Progress', who: 'kenji' },
      { type: 'Bug', summary: 'Audit log misses role changes', status: 'In Review', who: 'grace' },
      { type: 'Task', summary: 'Vendor risk assessments for payroll banks', status: 'To Do', who: 'grace' },
    ],
  },
  {
    project: 'SEC',
    summary: 'Customer-managed encryption keys',
    description: 'Large customers hold their own encryption keys for employee records.',
    status: 'To Do',
    owner: 'grace',
    labels: ['enterprise'],
    day: 8,
    children: [
      { type: 'Story', summary: 'Key management design review', status: 'In Progress', who: 'grace' },
      { type: 'Story', summary: 'Bring your own key for the EU region', status: 'To Do', who: 'kenji' },
      { type: 'Task', summary: 'Penetration test of key rotation', status: 'To Do', who: 'grace' },
    ],
  },
];
