import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The catalogs CityShield ships (written by this project, in packages/core/catalogs/): the
 * catalog first, then the profiles that import it by file name.
 */
export const BUILT_IN_FILES = [
  'city-baseline-catalog.json',
  'city-baseline-profile-basic.json',
  'city-baseline-profile-standard.json',
  'city-baseline-profile-high.json',
] as const;

export function builtInCatalogPath(file: string): string {
  // src/catalogs/ and dist/catalogs/ both sit two levels below packages/core.
  return fileURLToPath(new URL(`../../catalogs/${file}`, import.meta.url));
}

export function readBuiltInCatalog(file: (typeof BUILT_IN_FILES)[number]): Record<string, unknown> {
  return JSON.parse(readFileSync(builtInCatalogPath(file), 'utf8')) as Record<string, unknown>;
}
