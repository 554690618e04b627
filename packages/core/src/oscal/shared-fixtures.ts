/**
 * Test support: locates the reference OSCAL data (NIST SP 800-53, BSI Grundschutz++, NIST
 * examples) that lives outside the repository in shared/oscal, and decides what tests do when it
 * is missing: skip with a printed reason on a developer machine, fail in CI (CI=true), where a
 * silently skipped correctness proof would be worse than a red build.
 *
 * Not part of the public API (not exported from index.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Finds `<ancestor>/shared/oscal` above this file (or $CITYSHIELD_OSCAL_DATA). */
export function findSharedOscal(): string | undefined {
  const override = process.env.CITYSHIELD_OSCAL_DATA;
  if (override) return existsSync(join(override, 'SOURCES.md')) ? resolve(override) : undefined;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'shared', 'oscal');
    if (existsSync(join(candidate, 'SOURCES.md'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface SharedData {
  /** Absolute path of shared/oscal, or undefined when the tests must be skipped. */
  dir: string | undefined;
  /** True when the data is missing and CI=true: the suite must fail instead of skipping. */
  mustFail: boolean;
  reason: string;
}

let warned = false;

export function sharedData(): SharedData {
  const dir = findSharedOscal();
  const reason =
    'reference OSCAL data not found: expected shared/oscal (with SOURCES.md) in a directory above the repository, or $CITYSHIELD_OSCAL_DATA';
  if (dir) return { dir, mustFail: false, reason: '' };
  const mustFail = process.env.CI === 'true';
  if (!mustFail && !warned) {
    warned = true;
    console.warn(`[oscal tests] SKIPPING tests on real OSCAL data: ${reason}`);
  }
  return { dir: undefined, mustFail, reason };
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}
