import type { DemoEpic } from './demo-initiatives';

/** Payments' initiatives. */
export const PAYMENTS_EPICS: readonly DemoEpic[] = [
  {
    project: 'PAY',
    summary: 'Multi-currency payroll payouts',
    description: 'Pay employees in their local currency so multinational customers run one payroll.',
    status: 'In Progress',
    owner: 'priya',
    labels: ['payroll', 'q1-okr'],
    day: 1,
    children: [
      { type: 'Story', summary: 'Payouts in EUR and GBP', status: 'Done', who: 'daniel' },
      { type: 'Task', summary: 'Treasury sign-off on the FX provider', status: 'Done', who: 'priya' },
      { type: 'Story', summary: 'Snapshot the FX rate when payroll is approved', status: 'In Progress', who: 'daniel' },
      { type: 'Story', summary: 'Payouts in CAD', status: 'To Do', who: 'daniel' },
      { type: 'Bug', summary: 'Rounding error on JPY payouts', status: "Won't Do", who: 'daniel' },
    ],
  },
  {
    project: 'PAY',
    summary: 'Reduce failed payout retries',
    description: 'Fewer payouts bounce, so payroll teams stop chasing banks on payday.',
    status: 'Done',
    owner: 'daniel',
    labels: ['payroll', 'reliability'],
    day: 3,
    children: [
      { type: 'Bug', summary: 'Retries ignore the bank holiday calendar', status: 'Done', who: 'daniel' },
      { type: 'Story', summary: 'Pre-validate IBANs before the payroll run', status: 'Done', who: 'daniel' },
      { type: 'Task', summary: 'Dashboard of failed payouts by bank', status: 'Done', who: 'priya' },
      {
        type: 'Story',
        summary: 'Retry payouts automatically after a bank outage',
        status: 'Done',
        resolution: 'Duplicate',
        who: 'daniel',
      },
    ],
  },
  {
    project: 'PAY',
    summary: 'Invoice reconciliation for enterprise billing',
    description: 'Finance sees which enterprise invoices are paid without matching bank transfers by hand.',
    status: 'In Progress',
    owner: 'priya',
    labels: ['billing', 'enterprise'],
    day: 5,
    children: [
      { type: 'Task', summary: 'Finance workshop on reconciliation rules', status: 'Done', who: 'priya' },
      { type: 'Story', summary: 'Match incoming transfers to open invoices', status: 'In Progress', who: 'daniel' },
      { type: 'Bug', summary: 'Partial payments marked as unpaid', status: 'In Review', who: 'daniel' },
      { type: 'Story', summary: 'Reconciliation exceptions queue', status: 'To Do', who: 'daniel' },
    ],
  },
];
