import { JiraAdminError } from './admin-shared';
import type { JiraIssueEvent } from './events';
import type { TestSite } from './test-support';
import { createTestSite } from './test-support';

let t: TestSite;
let events: JiraIssueEvent[];
beforeEach(() => {
  t = createTestSite();
  events = [];
  t.site.onEvent((event) => events.push(event));
});
afterEach(() => {
  t.close();
});

describe('admin validation', () => {
  it('rejects impossible hierarchies, unknown references and bad input', () => {
    expect(() => t.site.createIssue({ project: 'PAY', issueType: 'Story', summary: 'x', parent: 'PAY-2' })).toThrow(
      JiraAdminError,
    );
    expect(() => t.site.createIssue({ project: 'PAY', issueType: 'Sub-task', summary: 'x' })).toThrow(
      'A sub-task needs a parent issue',
    );
    expect(() => t.site.createIssue({ project: 'PAY', issueType: 'Sub-task', summary: 'x', parent: 'ONB-16' })).toThrow(
      /parent/,
    );
    expect(() => t.site.createIssue({ project: 'NOPE', issueType: 'Task', summary: 'x' })).toThrow(
      "Unknown project 'NOPE'",
    );
    expect(() => t.site.updateIssue('PAY-1', { parent: 'PAY-12' })).toThrow('An Epic cannot have a parent');
    expect(() => t.site.updateIssue('PAY-2', { assignee: 'nobody' })).toThrow("Unknown user accountId 'nobody'");
    expect(() => t.site.updateIssue('PAY-2', { labels: ['two words'] })).toThrow(/Labels cannot contain spaces/);
    expect(() => t.site.createProject({ key: 'pay', name: 'x' })).toThrow(JiraAdminError);
    expect(() => {
      t.site.deleteIssue('PAY-999');
    }).toThrow("Unknown issue 'PAY-999'");
    expect(events).toEqual([]);
  });
});
