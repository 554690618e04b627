/**
 * BSI Grundschutz++ (OSCAL 1.1.3): the "Anwenderkatalog" profile imports three catalogs by
 * back-matter resource uuid (Methodik: all; Risikomanagement: four named controls without
 * children; Stand-der-Technik Kernel: all) and sets two parameters. Its rlinks point into BSI's
 * repository layout (the Kernel one at a "-G0" file name), so the uuids are mapped to the copies
 * in shared/oscal. Expected counts are computed from the source catalogs themselves.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLoader } from './file-loader.js';
import type { Catalog, CatalogDocument, Control, Group, ProfileDocument } from './model.js';
import { resolveProfile } from './resolve-profile.js';
import { readJson, sharedData } from './shared-fixtures.js';
import { findControl } from './unit-fixtures.js';
import { validateOscal } from './validate.js';

const shared = sharedData();
const B = join(shared.dir ?? '', 'bsi-grundschutz-plus-plus');

const CATALOGS = {
  methodik: { uuid: '5fa04faf-937c-48e0-8764-9b2cd55e2170', file: 'BSI-Methodik-Grundschutz++-catalog.json' },
  risiko: { uuid: 'd139a8e0-1d74-4e33-ad25-6385c53b4fbe', file: 'BSI-Anforderungen-zum-Risikomanagement-catalog.json' },
  kernel: { uuid: '41fb0187-c393-4342-827f-173e6323a6c0', file: 'BSI-Stand-der-Technik-Kernel-catalog.json' },
};

function count(catalog: Catalog): { top: number; nested: number } {
  const n = { top: 0, nested: 0 };
  const walk = (list: Control[] | undefined, depth: number) => {
    for (const c of list ?? []) {
      if (depth === 0) n.top++;
      else n.nested++;
      walk(c.controls, depth + 1);
    }
  };
  const groups = (list: Group[] | undefined) => {
    for (const g of list ?? []) {
      walk(g.controls, 0);
      groups(g.groups);
    }
  };
  walk(catalog.controls, 0);
  groups(catalog.groups);
  return n;
}

function load(key: keyof typeof CATALOGS): Catalog {
  return (readJson(join(B, 'catalogs', CATALOGS[key].file)) as CatalogDocument).catalog;
}

if (shared.mustFail) {
  it('has the reference OSCAL data (required when CI=true)', () => {
    throw new Error(shared.reason);
  });
}

describe.skipIf(!shared.dir)('BSI Grundschutz++ profile', () => {
  it('resolves against its three source catalogs with the counts they imply', async () => {
    const profilePath = join(B, 'profiles', 'Grundschutz++-profile.json');
    const profile = readJson(profilePath) as ProfileDocument;
    const sources = Object.fromEntries(Object.values(CATALOGS).map((c) => [c.uuid, join(B, 'catalogs', c.file)]));
    const { document, warnings } = await resolveProfile(profile, createFileLoader({ sources }), { location: profilePath });
    expect(warnings).toEqual([]);
    const resolved = document.catalog;

    // Expected, from the catalogs: all of Methodik and Kernel; of Risikomanagement exactly the
    // named controls (with-child-controls: no), which must exist.
    const methodik = count(load('methodik'));
    const kernel = count(load('kernel'));
    const named = profile.profile.imports[1]?.['include-controls']?.[0]?.['with-ids'] ?? [];
    const risiko = load('risiko');
    for (const id of named) expect(findControl(risiko, id)).toBeDefined();
    expect(count(resolved)).toEqual({ top: methodik.top + named.length + kernel.top, nested: methodik.nested + kernel.nested });
    expect(count(resolved)).toEqual({ top: 652, nested: 348 });

    // as-is: the catalogs' top groups in import order, groups of different catalogs not merged.
    const groupIds = (c: Catalog) => (c.groups ?? []).map((g) => g.id);
    expect(groupIds(resolved)).toEqual([...groupIds(load('methodik')), 'RISK', ...groupIds(load('kernel'))]);

    // set-parameters applied.
    expect(findControl(resolved, 'GC.1.1')?.params?.find((p) => p.id === 'gc.1.1-prm1')).toMatchObject({
      label: 'BSI Grundschutz++',
      values: ['BSI Grundschutz++'],
    });
    expect(findControl(resolved, 'NOT.1.1.4')?.params?.find((p) => p.id === 'not.1.1.4-prm1')).toMatchObject({
      values: ['BSI-Standard 200-4'],
    });

    // The profile's metadata link to its own back-matter resource keeps that resource.
    expect(resolved['back-matter']?.resources?.map((r) => r.title)).toEqual(['BSI IT-Grundschutz Edition 2023']);
    expect(resolved.metadata['oscal-version']).toBe('1.1.3');
    expect(validateOscal(document)).toMatchObject({ valid: true, errors: [], schemaVersion: '1.1.3' });
  });
});
