import { afterAll, beforeAll, describe, inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type BuiltApp, buildApp } from '../../src/http/app.js';
import { createLogger, createRuntime, type Runtime } from '../../src/runtime.js';
import type { Clock } from '../../src/util.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export interface Harness {
  kind: 'sqlite' | 'postgres';
  runtime: Runtime;
  built: BuiltApp;
  db: TestDatabase;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  clock?: Clock;
}

export async function startHarness(kind: 'sqlite' | 'postgres', opts: HarnessOptions = {}): Promise<Harness> {
  const db = await createTestDatabase(kind);
  const config = loadConfig(
    { NODE_ENV: 'test', LOG_LEVEL: 'silent', BASE_URL: 'http://localhost:8080', ...db.env, ...opts.env },
    '/nonexistent',
  );
  const runtime = await createRuntime(config, { log: createLogger(config), ...(opts.clock ? { clock: opts.clock } : {}) });
  const built = await buildApp(runtime.ctx, runtime.services);
  await built.app.ready();
  return { kind, runtime, built, db };
}

export async function stopHarness(h: Harness | undefined): Promise<void> {
  if (!h) return;
  await h.built.app.close();
  await h.runtime.close();
  await h.db.drop();
}

/**
 * Declares the same suite for SQLite and PostgreSQL. `get()` returns the started harness inside
 * tests. Off CI a missing PostgreSQL skips its half (global-setup prints why); on CI it fails.
 */
export function describeOnEachDatabase(name: string, body: (get: () => Harness) => void, opts: HarnessOptions = {}): void {
  const pgSkipReason = inject('pgSkipReason');
  for (const kind of ['sqlite', 'postgres'] as const) {
    const skip = kind === 'postgres' && pgSkipReason !== null;
    describe.skipIf(skip)(`${name} [${kind}]`, () => {
      let h: Harness | undefined;
      beforeAll(async () => {
        h = await startHarness(kind, opts);
      });
      afterAll(async () => stopHarness(h));
      body(() => {
        if (!h) throw new Error('harness not started');
        return h;
      });
    });
  }
}
