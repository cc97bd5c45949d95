import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAppManifest } from '../app-manifest';
import { compileTriggerFilter, TriggerFilterInvalid } from './trigger-filter';

const issueEvent = (fields: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  eventType: 'avi:jira:updated:issue',
  selfGenerated: false,
  issue: { id: '10001', key: 'PAY-4', fields },
  ...extra,
});
const story = { issuetype: { name: 'Story', hierarchyLevel: 0 } };
const epic = { issuetype: { name: 'Epic', hierarchyLevel: 1 } };

const decide = (expression: string, event: Record<string, unknown>, onError?: string) =>
  compileTriggerFilter('t', { expression, ...(onError === undefined ? {} : { onError }) }).decide(event);

describe('filter expressions', () => {
  it('delivers on true and drops on false', () => {
    expect(decide("event.issue.fields.issuetype.name == 'Story'", issueEvent(story))).toEqual({ deliver: true });
    expect(decide("event.issue.fields.issuetype.name == 'Bug'", issueEvent(story))).toEqual({ deliver: false });
    expect(decide('!(event.issue.fields.issuetype.hierarchyLevel >= 1) && 2 * 3 - 1 == 5', issueEvent(story))).toEqual({
      deliver: true,
    });
    expect(decide("event.issue.key.startsWith('PAY') ? true : false", issueEvent(story))).toEqual({ deliver: true });
    expect(decide("['Story', 'Bug'].includes(event.issue.fields['issuetype'].name)", issueEvent(story))).toEqual({
      deliver: true,
    });
  });

  it('treats a missing property as an error, and ?. as null', () => {
    expect(decide('event.issue.fields.parent != null', issueEvent(story))).toEqual({
      deliver: false,
      log: expect.stringContaining("Map has no property 'parent'") as unknown,
    });
    expect(decide('event.issue.fields?.parent != null', issueEvent(story))).toEqual({ deliver: false });
    expect(decide('event.issue.fields?.parent?.id == null', issueEvent(story))).toEqual({ deliver: true });
  });

  it('treats a non-Boolean result as an error', () => {
    expect(decide('event.issue.key', issueEvent(story)).log).toContain('not a Boolean');
  });

  it('follows onError: IGNORE_AND_LOG by default, IGNORE, RECEIVE and RECEIVE_AND_LOG', () => {
    const failing = 'event.nothing == 1';
    expect(decide(failing, issueEvent(story)).deliver).toBe(false);
    expect(decide(failing, issueEvent(story)).log).toContain("trigger 't' filter expression failed");
    expect(decide(failing, issueEvent(story), 'IGNORE')).toEqual({ deliver: false });
    expect(decide(failing, issueEvent(story), 'RECEIVE')).toEqual({ deliver: true });
    expect(decide(failing, issueEvent(story), 'RECEIVE_AND_LOG')).toMatchObject({
      deliver: true,
      log: expect.any(String) as unknown,
    });
  });

  it('evaluates list methods with functions', () => {
    const changed = issueEvent(story, { changelog: { items: [{ fieldId: 'status' }, { fieldId: 'parent' }] } });
    expect(decide("event.changelog.items.some(item => item.fieldId == 'parent')", changed)).toEqual({ deliver: true });
    expect(decide("event.changelog.items.every(item => item.fieldId == 'parent')", changed)).toEqual({
      deliver: false,
    });
    expect(decide("event.changelog.items.map(i => i.fieldId).includes('status')", changed)).toEqual({ deliver: true });
    expect(decide('event.changelog.items.filter(i => i.fieldId == "x").length == 0', changed)).toEqual({
      deliver: true,
    });
  });

  it('refuses syntax outside the emulated subset when compiled, naming it', () => {
    expect(() => compileTriggerFilter('issue-events', { expression: 'event.issue.key === "A"' })).toThrow(
      new TriggerFilterInvalid(
        "trigger 'issue-events' filter.expression: The operator '===' at character 17 of the filter expression is not supported by the local runtime: '=== \"A\"'",
      ),
    );
    expect(() => compileTriggerFilter('t', { expression: 'typeof event' })).toThrow(/'typeof' is not supported/);
    expect(() => compileTriggerFilter('t', { expression: 'event.issue.key ?? 1' })).toThrow(/The operator '\?\?'/);
    expect(() => compileTriggerFilter('t', { expression: 'event.issue.' })).toThrow(/Expected a property name/);
    expect(() => compileTriggerFilter('t', { expression: 'x'.repeat(10_001) })).toThrow(TriggerFilterInvalid);
    expect(() => compileTriggerFilter('t', { onError: 'RECEIVE' })).toThrow(/only with filter.expression/);
  });

  it('fails loudly on a method the emulator does not evaluate', () => {
    expect(() => decide('event.issue.key.toUpperCase() == "X"', issueEvent(story))).toThrow(
      /not supported by the local runtime/,
    );
  });

  it('stops after 50,000 steps', () => {
    const many = issueEvent(story, { list: Array.from({ length: 30_000 }, (_, i) => i) });
    expect(decide('event.list.some(x => x < 0)', many).log).toContain('more than 50000 steps');
  });

  it('drops self-generated events under ignoreSelf before evaluating anything', () => {
    const filter = compileTriggerFilter('t', { ignoreSelf: true, expression: 'event.nothing' });
    expect(filter.decide({ ...issueEvent(story), selfGenerated: true })).toEqual({ deliver: false });
  });
});

describe("the app's issue-events filter (manifest.yml)", () => {
  const manifest = parseAppManifest(readFileSync(path.resolve(__dirname, '../../../manifest.yml'), 'utf8'));
  const trigger = manifest.modules.trigger.find((t) => t.key === 'issue-events');
  const filter = compileTriggerFilter('issue-events', trigger?.filter);

  it('admits epics, issues with a parent, and issues taken out of an epic', () => {
    expect(filter.decide(issueEvent(epic))).toEqual({ deliver: true });
    expect(filter.decide(issueEvent({ issuetype: { name: 'Epic' } }))).toEqual({ deliver: true });
    expect(filter.decide(issueEvent({ ...story, parent: { id: '10000' } }))).toEqual({ deliver: true });
    const unparented = issueEvent(story, {
      changelog: { id: '1', items: [{ field: 'IssueParentAssociation', fieldId: 'parent', from: '10000', to: null }] },
    });
    expect(filter.decide(unparented)).toEqual({ deliver: true });
  });

  it('drops other issues without a log', () => {
    expect(filter.decide(issueEvent(story))).toEqual({ deliver: false });
    expect(filter.decide(issueEvent(story, { changelog: { id: '1', items: [{ fieldId: 'status' }] } }))).toEqual({
      deliver: false,
    });
  });
});
