import { afterAll, describe, expect, it } from 'vitest';
import { restRoutes } from '../src/http/rest';
import { staffMember } from '../src/testing/staff';
import { createSession } from '../src/auth/sessions';
import { ALL_SCOPES, apiHarness, domainCounts } from './api-harness';

// Generated from the route table: every REST route refuses the wrong kind of credential and a key
// without the route's scope, and the refusal writes nothing.
const h = apiHarness();
afterAll(h.cleanup);
const shop = h.client(h.key('web'));
const filled = (path: string) => path.replace(/\{\w+\}/g, 'some-id');

let memberToken = '';
let staffCookie = '';

async function call(route: (typeof restRoutes)[number], credential: string | undefined, headers: Record<string, string> = {}) {
  const client = h.client(credential);
  const path = filled(route.path);
  const opts = { headers };
  if (route.method === 'get') return (await h.app.request(`/api/v1${path}`, { headers: { ...headers, ...(credential ? { authorization: `Bearer ${credential}` } : {}) } })).status;
  if (route.method === 'post') return (await client.post(path, {}, opts)).status;
  if (route.method === 'patch') return (await client.patch(path, {})).status;
  return (await client.delete(path)).status;
}

describe('REST access policy', () => {
  it('has a member with a self-service token, and a signed-in admin', async () => {
    const memberId = (await shop.post<{ member: { id: string } }>('/members', { email: 'rea@example.com', channel: 'online' })).body.member.id;
    memberToken = (await shop.post<{ token: string }>(`/members/${memberId}/tokens`, { ttlHours: 1 })).body.token;
    expect(memberToken).toBeTruthy();
    staffCookie = `loyalty_session=${createSession(h.db, staffMember(h.db, 'admin').userId)}`;
  });

  describe.each(restRoutes.map((r) => ({ name: `${r.method.toUpperCase()} ${r.path}`, route: r })))('$name', ({ route }) => {
    it('refuses staff sessions: the API takes keys and member tokens only', async () => {
      const before = domainCounts(h.db);
      expect(await call(route, undefined, { cookie: staffCookie, 'x-loyalty-csrf': '1' })).toBe(401);
      expect(domainCounts(h.db)).toEqual(before);
    });

    if (route.auth.kind === 'api-key') {
      const scope = route.auth.scope;
      it(`refuses a key without '${scope}', and a member token`, async () => {
        const before = domainCounts(h.db);
        const narrow = h.key('web', ALL_SCOPES.filter((s) => s !== scope));
        expect(await call(route, narrow)).toBe(403);
        expect([401, 403]).toContain(await call(route, memberToken));
        expect(domainCounts(h.db)).toEqual(before);
      });
    } else {
      it('refuses API keys, even with every scope', async () => {
        const before = domainCounts(h.db);
        expect([401, 403]).toContain(await call(route, h.key('web')));
        expect(domainCounts(h.db)).toEqual(before);
      });
    }
  });
});
