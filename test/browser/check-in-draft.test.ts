import { atBothSizes, invokeAs, PEOPLE, seriousViolations, screenshot, useViewsHost, withUser } from './views-host';

/**
 * Check-ins drafted from Jira (issue #13) in a real browser on the local host: a child issue moved to
 * Done in the emulated Jira shows up in the epic panel's draft, named with a link, and "Accept draft"
 * checks it in with one click; the next draft says nothing changed and confirms the week. The team
 * page's "due this week" opens with a draft too, the value of a KR measured from its epics read-only.
 * axe on the form with its draft; screenshots at 1024x768 and 1440x900, light and dark, and in Dutch.
 */
jest.setTimeout(240_000);

const suite = useViewsHost();
const { open } = suite;

const COMPLETION = 'Increase onboarding completion rate from 62% to 90%';
const REVIEW_EPICS = 'Complete the at-risk workspace review epics';
const CHILD = 'Automate the day-one welcome sequence for workspace admins';

const keyResultId = async (title: string): Promise<string> => {
  const { cycles } = await invokeAs(suite.host(), PEOPLE.elena, 'cycles.list', {});
  const cycleId = cycles.find((c) => c.status === 'active')?.id ?? '';
  const card = await invokeAs(suite.host(), PEOPLE.elena, 'scorecard.get', { cycleId, includeInitiatives: false });
  const kr = card.objectives.flatMap((o) => o.keyResults).find((k) => k.title === title);
  if (kr === undefined) throw new Error(`no KR ${title}`);
  return kr.id;
};

const checkInCount = async (id: string): Promise<number> =>
  (await invokeAs(suite.host(), PEOPLE.hannah, 'checkIns.list', { keyResultId: id, limit: 100 })).checkIns.length;

describe('drafted check-ins', () => {
  it('drafts from the work moved in Jira and checks the draft in with one click from the epic panel', async () => {
    const { runtime } = suite.host();
    const child = runtime.site.listIssues().find((i) => i.summary === CHILD);
    if (child === undefined) throw new Error(`no issue ${CHILD}`);
    runtime.site.updateIssue(child.key, { status: 'Done', actor: PEOPLE.hannah });
    await runtime.whenIdle();
    // checkIns.list is an entity query: the demo's check-ins, seeded less than the emulator's 1 s query
    // window ago, would not all be counted yet (local/platform/kvs/README.md).
    runtime.kvs.settle();
    const id = await keyResultId(COMPLETION);
    const before = await checkInCount(id);

    const o = await open(withUser('/jira/browse/ONB-1', PEOPLE.hannah));
    const kr = o.frame().getByRole('region', { name: COMPLETION });
    const draft = kr.getByRole('region', { name: 'Drafted from Jira' });
    await draft
      .getByRole('list', { name: /^Work since / })
      .getByText(/^1 issue done/)
      .waitFor();
    // The issue is named with a link to it, and the note proposed below says the same in words.
    await draft.getByRole('link', { name: child.key }).waitFor();
    expect(await draft.textContent()).toContain(CHILD);
    const note = await kr.getByLabel('Note (optional)').inputValue();
    expect(note).toMatch(new RegExp(`^Since .+: 1 issue done \\(${child.key} Automate the day-one welcome sequence`));
    await kr.getByText(/^Suggested from the forecast: a score of|^As at the last check-in\./).waitFor();
    await kr.locator('.cad-plot canvas').first().waitFor();
    expect(await seriousViolations(o.page)).toEqual([]);
    await atBothSizes(o, 'check-in-draft-panel');

    await draft.getByRole('button', { name: 'Accept draft' }).click();
    await kr
      .getByRole('status')
      .getByText(/^Draft accepted: 71% · /)
      .waitFor();
    await kr
      .getByRole('list', { name: 'Recent check-ins' })
      .getByRole('listitem')
      .first()
      .getByText(/1 issue done/)
      .waitFor();
    expect(await checkInCount(id)).toBe(before + 1);

    // The next draft has nothing new: the owner may still confirm the week, in one click too.
    const again = await open(withUser('/jira/browse/ONB-1', PEOPLE.hannah, 'dark'));
    const region = again.frame().getByRole('region', { name: COMPLETION });
    const next = region.getByRole('region', { name: 'Drafted from Jira' });
    await next.getByText(/^Nothing changed since .+\. Accept to confirm the week\.$/).waitFor();
    expect(await region.getByLabel('Note (optional)').inputValue()).toMatch(
      /^No issue under the linked epics moved since [^.]+\.$/,
    );
    expect(await seriousViolations(again.page)).toEqual([]);
    await atBothSizes(again, 'check-in-draft-panel-dark');
    await next.getByRole('button', { name: 'Accept draft' }).click();
    await region
      .getByRole('status')
      .getByText(/^Draft accepted: 71% · /)
      .waitFor();
    expect(await checkInCount(id)).toBe(before + 2);
  });

  it("opens the team page's due check-ins with a draft, the measured value read-only, in Dutch too", async () => {
    const o = await open(withUser('/jira/projects/ONB/apps/cadence-team', PEOPLE.marcus));
    const kr = o.frame().getByRole('region', { name: REVIEW_EPICS });
    const draft = kr.getByRole('region', { name: 'Drafted from Jira' });
    await draft.getByRole('button', { name: 'Accept draft' }).waitFor();
    const value = kr.getByLabel('Current value (%)');
    expect(await value.getAttribute('readonly')).not.toBeNull();
    await kr.getByText('Measured from the linked epics just now.').waitFor();
    expect(await seriousViolations(o.page)).toEqual([]);
    await screenshot(o.page, 'check-in-draft-team');

    const nl = await open(withUser('/jira/projects/ONB/apps/cadence-team?locale=nl-NL', PEOPLE.marcus, 'dark'));
    const dutch = nl.frame().getByRole('region', { name: REVIEW_EPICS });
    await dutch
      .getByRole('region', { name: 'Opgesteld uit Jira' })
      .getByRole('button', { name: 'Concept accepteren' })
      .waitFor();
    await dutch.getByText('Zojuist gemeten aan de gekoppelde epics.').waitFor();
    expect(await seriousViolations(nl.page)).toEqual([]);
    await atBothSizes(nl, 'check-in-draft-team-nl-dark');
  });
});
