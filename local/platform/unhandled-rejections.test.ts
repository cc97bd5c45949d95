import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DEMO_USERS } from '../demo/demo-users';

/**
 * A promise rejected with nobody awaiting it fails its own invocation, as on Forge, and the runtime keeps
 * serving every other one (issue #10: one storage fault in checkIns.create took the whole site down).
 * The host runs in a child process: jest gives each suite its own `process`, which never sees the event.
 */
const root = path.join(__dirname, '..', '..');
let child: ChildProcessWithoutNullStreams;
let url = '';
let stderr = '';
let exited: number | null | undefined;

beforeAll(async () => {
  child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(__dirname, 'fixtures', 'leaky-host.ts')], {
    cwd: root,
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.on('exit', (code) => {
    exited = code;
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0] ?? '';
      if (out.includes('\n')) resolve(line.trim());
    });
    child.on('exit', (code) => {
      reject(new Error(`leaky host exited (${String(code)}) before it listened: ${stderr}`));
    });
  });
}, 60_000);

afterAll(() => {
  child.kill();
});

const invoke = async (functionKey: string): Promise<{ status: number; body: unknown }> => {
  const response = await fetch(`${url}/forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      moduleKey: 'cadence-board',
      functionKey,
      payload: {},
      accountId: DEMO_USERS.elena.accountId,
    }),
  });
  return { status: response.status, body: await response.json() };
};

describe('unhandled rejections in an invocation', () => {
  it('fail that invocation with UNHANDLED_REJECTION, naming the rejection', async () => {
    const answer = await invoke('leak');
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      error: { code: 'UNHANDLED_REJECTION', message: expect.stringContaining('the forgotten read failed') as unknown },
    });
  });

  it('keep the runtime serving the next invocations', async () => {
    await invoke('leak');
    expect(await invoke('fine')).toEqual({ status: 200, body: { fine: true } });
  });

  it('after the invocation answered, are reported and the process lives on', async () => {
    const answer = await invoke('leakAfterFailure');
    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({ error: { code: 'RESOLVER_ERROR', message: 'the write failed' } });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(stderr).toContain('the late read failed');
    expect(await invoke('fine')).toEqual({ status: 200, body: { fine: true } });
    expect(exited).toBeUndefined();
  });
});
