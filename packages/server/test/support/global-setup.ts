import type { TestProject } from 'vitest/node';
import { postgresUnavailableReason } from './databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgSkipReason: string | null;
  }
}

/** Checks PostgreSQL once per run; under CI its absence fails the run instead of skipping. */
export default async function setup(project: TestProject): Promise<void> {
  const reason = await postgresUnavailableReason();
  if (reason && process.env.CI === 'true') throw new Error(`CI requires PostgreSQL: ${reason}`);
  if (reason) console.warn(`[skip] PostgreSQL half of the integration suite: ${reason}`);
  project.provide('pgSkipReason', reason);
}
