import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Harness } from './harness.js';

export const STRONG_PASSWORD = 'granite orchard whistle 42';

/** A logged-in browser-like client: keeps the session cookie and sends the CSRF header. */
export class TestClient {
  cookie: string | null = null;
  csrf: string | null = null;
  bearer: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = `cs_session=${this.cookie}`;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers: h,
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    const set = res.cookies.find((c) => c.name === 'cs_session');
    if (set) this.cookie = set.value || null;
    if (res.statusCode < 300 && res.headers['content-type']?.toString().includes('json')) {
      const json = res.json() as { csrfToken?: string };
      if (json && typeof json.csrfToken === 'string' && json.csrfToken) this.csrf = json.csrfToken;
    }
    return res;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);
}

let counter = 0;
export const uniqueEmail = (prefix = 'user') => `${prefix}.${process.pid}.${++counter}.${Date.now()}@example.org`;

/** Creates an organisation and its administrator directly through the service, and logs in. */
export async function newOrganisation(h: Harness, name = `City ${++counter} ${Date.now()}`) {
  const email = uniqueEmail('admin');
  await h.runtime.services.account.createOrganisationWithAdmin(
    { organisationName: name, name: 'Ada Admin', email, password: STRONG_PASSWORD },
    { ip: '127.0.0.1', userAgent: 'test' },
    { startSession: false },
  );
  const admin = new TestClient(h.built.app);
  const res = await admin.post('/api/v1/auth/login', { email, password: STRONG_PASSWORD });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  const me = (res.json() as { user: { orgId: string; id: string } }).user;
  return { admin, email, orgId: me.orgId, adminId: me.id, name };
}

/** Invites a user with a role, accepts the invitation and returns a logged-in client. */
export async function newMember(h: Harness, admin: TestClient, role: string) {
  const email = uniqueEmail(role);
  const inv = await admin.post('/api/v1/invitations', { email, role });
  if (inv.statusCode !== 201) throw new Error(`invite failed: ${inv.body}`);
  const link = (inv.json() as { link: string }).link;
  const token = new URL(link).searchParams.get('token') ?? '';
  const client = new TestClient(h.built.app);
  const acc = await client.post('/api/v1/invitations/accept', { token, name: `Member ${role}`, password: STRONG_PASSWORD });
  if (acc.statusCode !== 201) throw new Error(`accept failed: ${acc.body}`);
  const id = (acc.json() as { user: { id: string } }).user.id;
  return { client, email, id };
}
