/**
 * Writes the CityShield City Baseline catalog and its three level profiles to
 * packages/core/catalogs/ (or to the directory given as the first argument).
 *
 *   npx tsc -b packages/core && node packages/core/dist/city-baseline/generate.js
 *   npx --yes tsx@4 packages/core/src/city-baseline/generate.ts [OUT_DIR]
 *
 * Output is deterministic: regenerating from unchanged data gives byte-identical files.
 * Importing this module has no side effects; files are written only when it runs as a script.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cityBaselineCatalogDir, renderCityBaselineFiles } from './catalog.js';

/** Writes the four documents into `dir` and returns the paths written. */
export function writeCityBaselineFiles(dir: string = fileURLToPath(cityBaselineCatalogDir())): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of renderCityBaselineFiles()) {
    const path = join(dir, name);
    writeFileSync(path, text, 'utf8');
    written.push(path);
  }
  return written;
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && resolve(invokedPath) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2];
  for (const path of writeCityBaselineFiles(outDir === undefined ? undefined : resolve(outDir))) console.log(`wrote ${path}`);
}
