import type { ResolutionName, StatusName } from '../platform/jira';
import { ONBOARDING_EPICS } from './demo-epics-onboarding';
import { PAYMENTS_EPICS } from './demo-epics-payments';
import { PLATFORM_EPICS } from './demo-epics-platform';
import type { DemoUserHandle } from './demo-users';

/**
 * Acme Cloud's epics: the initiatives behind its OKRs (see docs' worked example "Make our first
 * enterprise customers successful and referenceable"), each with child work in mixed states.
 * `day` counts days after the demo base date; children are created a day apart after their epic.
 */

export type DemoProjectKey = 'PAY' | 'ONB' | 'PLAT' | 'SEC';

export interface DemoChild {
  type: 'Story' | 'Task' | 'Bug';
  summary: string;
  status: StatusName;
  /** Only when it differs from the workflow default (e.g. Done as a Duplicate). */
  resolution?: ResolutionName;
  who: DemoUserHandle;
  subtasks?: readonly { summary: string; status: StatusName; who: DemoUserHandle }[];
}

export interface DemoEpic {
  project: DemoProjectKey;
  summary: string;
  description: string;
  status: StatusName;
  owner: DemoUserHandle;
  labels: readonly string[];
  day: number;
  children: readonly DemoChild[];
}

/** In creation order: the order fixes the issue keys (ONB-1, ONB-8, ..., PAY-1, ...). */
export const DEMO_EPICS: readonly DemoEpic[] = [...ONBOARDING_EPICS, ...PAYMENTS_EPICS, ...PLATFORM_EPICS];

/** Work that belongs to no initiative, as on any real site. */
export const DEMO_LOOSE_ISSUES: readonly (DemoChild & { project: DemoProjectKey; day: number })[] = [
  {
    project: 'PAY',
    type: 'Bug',
    summary: 'Payslip PDF shows the wrong tax year',
    status: 'In Progress',
    who: 'daniel',
    day: 10,
  },
  { project: 'ONB', type: 'Task', summary: 'Update the onboarding FAQ', status: 'Done', who: 'marcus', day: 11 },
  { project: 'PLAT', type: 'Bug', summary: 'Flaky deploy pipeline on Fridays', status: 'To Do', who: 'kenji', day: 12 },
];
