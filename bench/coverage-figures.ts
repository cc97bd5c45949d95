/**
 * Strategy coverage at scale (`npm run bench:coverage`, `-- --epics 3000` for more): N in-progress epics
 * (default 1,000) over 10 projects of one team on the emulated site, then coverage.get for the whole
 * cycle twice as one viewer (cold: Jira searched and the list cached; warm: within the five minutes) and
 * once as another viewer with the same projects. Prints Jira calls and points and storage calls and read
 * and write units, from the local runtime's call log. No assertions.
 */
import { parseArgs } from 'node:util';
import { createLocalRuntime } from '../local/platform/local-runtime';
import { DEMO_USERS, seedDemoSite } from '../local/demo';

const { values } = parseArgs({ options: { epics: { type: 'string', default: '1000' } } });
const epicCount = Number(values.epics);

const main = async (): Promise<void> => {
  const runtime = createLocalRuntime();
  seedDemoSite(runtime.site);
  const projects = Array.from({ length: 10 }, (_, i) =>
    runtime.site.createProject({ key: `CV${String(i)}`, name: `Coverage ${String(i)}`, browse: 'everyone' }),
  );
  runtime.site.transaction(
    () => {
      for (let i = 0; i < epicCount; i++) {
        runtime.site.createIssue({
          project: projects[i % projects.length]?.key ?? 'CV0',
          issueType: 'Epic',
          status: 'In Progress',
          summary: `Deliver capability ${String(i)} for enterprise customers`,
        });
      }
    },
    { silent: true },
  );

  const invoke = async (functionKey: string, payload: unknown, accountId: string): Promise<unknown> => {
    const outcome = await runtime.app.invokeResolver({ moduleKey: 'cadence-board', functionKey, payload, accountId });
    if (!outcome.ok) throw new Error(`${functionKey}: ${outcome.error.message}`);
    const body = outcome.result as { ok: boolean; data?: unknown; error?: unknown };
    if (!body.ok) throw new Error(`${functionKey}: ${JSON.stringify(body.error)}`);
    return body.data;
  };
  const admin = DEMO_USERS.elena.accountId;
  const cycle = (await invoke('cycles.create', { name: 'Bench quarter', startDate: '2030-01-01', endDate: '2030-03-31' }, admin)) as { id: string };
  await invoke('teams.create', { name: 'Coverage', memberAccountIds: [], jiraProjectKeys: projects.map((p) => p.key) }, admin);

  const figures = async (label: string, accountId: string): Promise<void> => {
    const answer = (await invoke('coverage.get', { cycleId: cycle.id }, accountId)) as { total: { inProgress: number } };
    const s = runtime.log.last()?.summary;
    console.log(
      `${label.padEnd(34)} epics ${String(answer.total.inProgress).padStart(5)}  Jira calls ${String(s?.jiraCalls)} points ${String(s?.jiraPoints).padStart(5)}  storage calls ${String(s?.storageCalls)} read units ${String(s?.readUnits)} write units ${String(s?.writeUnits)}`,
    );
  };
  console.log(`coverage.get, whole cycle, ${String(epicCount)} in-progress epics in 10 projects`);
  await figures('cold (Jira searched, list cached)', DEMO_USERS.priya.accountId);
  await figures('warm (same viewer)', DEMO_USERS.priya.accountId);
  await figures('warm (another viewer, same projects)', DEMO_USERS.daniel.accountId);
  runtime.close();
};

void main();
