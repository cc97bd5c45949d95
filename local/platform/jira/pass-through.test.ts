import api, { route } from '@forge/api';
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPassThroughSite } from './pass-through';
import { actAs, installForgeFetch } from './test-support';

/** A stand-in for a real Jira site on 127.0.0.1 that records what it received. */
interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let received: Received[];
let baseUrl: string;
let uninstall: () => void;

beforeEach(async () => {
  received = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      if (req.url?.startsWith('/rest/api/3/issue/')) {
        res.writeHead(404, { 'content-type': 'application/json', 'x-arequestid': 'abc' });
        res.end(
          JSON.stringify({
            errorMessages: ['Issue does not exist or you do not have permission to see it.'],
            errors: {},
          }),
        );
        return;
      }
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '7' });
      res.end(JSON.stringify({ issues: [], isLast: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('server is not listening on a port');
  baseUrl = `http://127.0.0.1:${address.port}/`;
  uninstall = installForgeFetch(
    createPassThroughSite({ baseUrl, email: 'dev@acme-cloud.example', apiToken: 'secret-token' }),
  );
});

afterEach(async () => {
  uninstall();
  actAs(undefined);
  await new Promise<void>((resolve, reject) =>
    server.close((e) => {
      if (e) reject(e);
      else resolve();
    }),
  );
});

const basic = `Basic ${Buffer.from('dev@acme-cloud.example:secret-token').toString('base64')}`;

describe('createPassThroughSite', () => {
  it('forwards method, path, query and body with the token’s basic auth, for asUser and asApp alike', async () => {
    actAs('5f0c1a2b3c4d5e6f7a8b9c02');
    const body = JSON.stringify({ jql: 'project = PAY', fields: ['summary'] });
    const headers = { 'content-type': 'application/json', authorization: 'Bearer should-not-leak' };
    const asUser = await api
      .asUser()
      .requestJira(route`/rest/api/3/search/jql?validation=${'strict'}`, { method: 'POST', body, headers });
    const asApp = await api
      .asApp()
      .requestJira(route`/rest/api/3/search/jql?validation=${'strict'}`, { method: 'POST', body, headers });
    for (const response of [asUser, asApp]) {
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('7');
      expect(await response.json()).toEqual({ issues: [], isLast: true });
    }
    expect(received).toHaveLength(2);
    for (const request of received) {
      expect(request).toMatchObject({ method: 'POST', url: '/rest/api/3/search/jql?validation=strict', body });
      expect(request.headers).toMatchObject({
        authorization: basic,
        'content-type': 'application/json',
        accept: 'application/json',
      });
    }
  });

  it('returns error statuses and bodies unchanged', async () => {
    const response = await api.asApp().requestJira(route`/rest/api/3/issue/${'PAY-1'}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-arequestid')).toBe('abc');
    expect(await response.json()).toEqual({
      errorMessages: ['Issue does not exist or you do not have permission to see it.'],
      errors: {},
    });
    expect(received[0]).toMatchObject({ method: 'GET', url: '/rest/api/3/issue/PAY-1', body: '' });
  });
});
