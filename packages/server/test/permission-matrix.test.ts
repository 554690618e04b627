import { ALL_PERMISSIONS, DEFAULT_ROLES } from '@cityshield/core';
import { expect, it } from 'vitest';
import { newMember, newOrganisation, TestClient } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';

/** A syntactically valid id that matches nothing, to fill path parameters. */
const NO_ID = '01900000-0000-7000-8000-000000000000';
const concrete = (url: string) => url.replace(/:[a-zA-Z]+/g, NO_ID);

describeOnEachDatabase('permission matrix', (get) => {
  it('every API route declares its access, and every declared permission exists', () => {
    const { routes } = get().built;
    expect(routes.length).toBeGreaterThan(25);
    for (const r of routes) {
      expect(['public', 'authenticated', 'session', ...ALL_PERMISSIONS], `${r.method} ${r.url}`).toContain(r.access);
    }
  });

  it('refuses anonymous callers on every non-public route with 401', async () => {
    const h = get();
    const anon = new TestClient(h.built.app);
    for (const r of h.built.routes.filter((x) => x.access !== 'public')) {
      const res = await anon.request(r.method, concrete(r.url), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('refuses each role every route whose permission it lacks with 403, with a session and with a token', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    for (const role of DEFAULT_ROLES.filter((x) => x.key !== 'admin')) {
      const member = await newMember(h, admin, role.key);
      const held = new Set<string>(role.permissions);
      const tokenClient = new TestClient(h.built.app);
      const tokenRes = await member.client.post('/api/v1/tokens', { name: 'matrix', permissions: [...held], expiresInDays: 1 });
      expect(tokenRes.statusCode).toBe(201);
      tokenClient.bearer = tokenRes.json().secret;
      for (const r of h.built.routes.filter((x) => x.access !== 'public' && x.access !== 'authenticated' && x.access !== 'session')) {
        if (held.has(r.access)) continue;
        const body = r.method === 'GET' || r.method === 'DELETE' ? undefined : {};
        const viaSession = await member.client.request(r.method, concrete(r.url), body);
        expect(viaSession.statusCode, `${role.key} session ${r.method} ${r.url}`).toBe(403);
        const viaToken = await tokenClient.request(r.method, concrete(r.url), body);
        expect(viaToken.statusCode, `${role.key} token ${r.method} ${r.url}`).toBe(403);
      }
    }
  });

  it('a token with no permissions is refused every permission-guarded route', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const t = (await admin.post('/api/v1/tokens', { name: 'nothing', permissions: [], expiresInDays: 1 })).json();
    const bot = new TestClient(h.built.app);
    bot.bearer = t.secret;
    for (const r of h.built.routes.filter((x) => x.access !== 'public' && x.access !== 'authenticated' && x.access !== 'session')) {
      const res = await bot.request(r.method, concrete(r.url), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
    }
  });

  it("refuses API tokens, even an administrator's, on the session-only routes (passwords, sessions, tokens)", async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const t = (await admin.post('/api/v1/tokens', { name: 'everything', permissions: [...ALL_PERMISSIONS], expiresInDays: 1 })).json();
    const bot = new TestClient(h.built.app);
    bot.bearer = t.secret;
    const sessionRoutes = h.built.routes.filter((x) => x.access === 'session');
    expect(sessionRoutes.length).toBeGreaterThanOrEqual(8);
    for (const r of sessionRoutes) {
      const res = await bot.request(r.method, concrete(r.url), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
    }
    expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});
