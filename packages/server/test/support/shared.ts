import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** ../shared beside the repository: real OSCAL data for tests. Absent on a user's clone. */
export const SHARED = fileURLToPath(new URL('../../../../../shared/oscal/', import.meta.url));
export const hasShared = existsSync(SHARED);

if (!hasShared) {
  if (process.env.CI === 'true') throw new Error(`CI requires the shared OSCAL data at ${SHARED}`);
  console.warn(`[skip] tests that need ../shared/oscal: not found at ${SHARED}`);
}

export const sharedJson = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(`${SHARED}${path}`, 'utf8')) as Record<string, unknown>;
