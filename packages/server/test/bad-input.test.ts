import { expect, it } from 'vitest';
import { newOrganisation } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';

const HOSTILE = ["Robert'); DROP TABLE users;--", '<script>alert(1)</script>', '" OR 1=1 --', '%_\\', 'Ünïcödé 🏙️ Δήμος'];

describeOnEachDatabase('bad input', (get) => {
  it('refuses oversized bodies with 413 and the error shape', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const res = await admin.post('/api/v1/departments', { name: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses wrong types, unknown fields, bad ids and malformed JSON with 400 and details', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const wrongType = await admin.post('/api/v1/departments', { name: 42 });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error).toMatchObject({ code: 'VALIDATION' });
    expect(wrongType.json().error.details[0].path).toBe('body.name');
    const unknown = await admin.post('/api/v1/departments', { name: 'Ok', isAdmin: true });
    expect(unknown.statusCode).toBe(400);
    expect((await admin.get('/api/v1/users/not-a-uuid')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/users?pageSize=100000')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/users?role=emperor')).statusCode).toBe(400);
    const malformed = await admin.request('POST', '/api/v1/departments', '{"name": ', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.message).toContain('JSON');
    const form = await admin.request('POST', '/api/v1/departments', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.statusCode).toBe(415);
    const ctl = await admin.post('/api/v1/departments', { name: 'bad\u0000name' });
    expect(ctl.statusCode).toBe(400);
    expect((await admin.get('/api/v1/departments')).json().items).toEqual([]);
  });

  it('stores injection strings literally and returns them unchanged', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    for (const name of HOSTILE) {
      const res = await admin.post('/api/v1/departments', { name });
      expect(res.statusCode).toBe(201);
      expect(res.json().name).toBe(name);
    }
    const names = (await admin.get('/api/v1/departments')).json().items.map((d: { name: string }) => d.name);
    expect(names.sort()).toEqual([...HOSTILE].sort());
    expect((await admin.get(`/api/v1/users?q=${encodeURIComponent("' OR 1=1 --")}`)).json().total).toBe(0);
    expect((await admin.get('/api/v1/health')).statusCode).toBe(200);
  });

  it('answers unknown API paths with a JSON 404 and never a stack trace', async () => {
    const h = get();
    const res = await h.built.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect(res.body).not.toMatch(/at .*\.js:\d+/);
  });

  it('sends the security headers with a strict CSP on every response', async () => {
    const h = get();
    const res = await h.built.app.inject({ method: 'GET', url: '/api/v1/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});
