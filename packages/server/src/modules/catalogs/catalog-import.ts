import {
  type FlatControl,
  findResource,
  flattenCatalog,
  OscalError,
  type OscalLoader,
  type OscalValidationResult,
  resolveProfile,
  validateOscal,
} from '@cityshield/core';
import { AppError, type ErrorDetail } from '../../errors.js';

type Json = Record<string, unknown>;

/** A validated, flattened document ready to be stored. Built before any row is written. */
export interface PreparedImport {
  kind: 'catalog' | 'profile';
  name: string;
  version: string;
  oscalVersion: string;
  documentUuid: string;
  licence: string | null;
  document: Json;
  /** For a profile: its resolved catalog (what the profile means). */
  resolved: Json | null;
  controls: FlatControl[];
  notes: string[];
}

export interface LibraryCatalog {
  versionId: string;
  title: string;
  source: string;
  documentUuid: string;
  load(): Promise<Json>;
}

const basename = (s: string) => s.split(/[\\/]/).pop() ?? s;

export function validationError(result: OscalValidationResult): AppError {
  const details: ErrorDetail[] = result.errors.map((e) => ({ path: e.pointer || '/', message: e.message }));
  if (result.truncated) details.push({ path: '', message: 'more errors were found; fix these first' });
  return new AppError('VALIDATION', 'The document is not valid OSCAL. Nothing was imported.', details);
}

function licenceOf(metadata: Json): string | null {
  const props = Array.isArray(metadata.props) ? (metadata.props as Json[]) : [];
  const prop = props.find((p) => typeof p.name === 'string' && /licen[cs]e/i.test(p.name));
  if (prop && typeof prop.value === 'string') return prop.value;
  const rights = typeof metadata.rights === 'string' ? metadata.rights : null;
  return rights;
}

function duplicateIds(controls: readonly FlatControl[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const c of controls) (seen.has(c.id) ? dupes : seen).add(c.id);
  return [...dupes];
}

/**
 * Profile imports are matched to catalogs already in the library: by the back-matter resource's
 * title or rlink file name, by the imported document's uuid, or — when the caller names exactly
 * the catalogs to use — by elimination. Nothing is ever fetched from the network.
 */
export function libraryLoader(library: readonly LibraryCatalog[], chosenByCaller: boolean): OscalLoader {
  return async (href, context) => {
    const candidates: string[] = [href];
    let title: string | null = null;
    if (href.startsWith('#')) {
      const resource = findResource(context.importer.profile, href) as Json | undefined;
      if (resource) {
        title = typeof resource.title === 'string' ? resource.title : null;
        for (const r of Array.isArray(resource.rlinks) ? (resource.rlinks as Json[]) : [])
          if (typeof r.href === 'string') candidates.push(r.href);
      }
    }
    const match =
      library.find((c) => title !== null && c.title === title) ??
      library.find((c) => candidates.some((h) => basename(h) === basename(c.source))) ??
      library.find((c) => candidates.some((h) => h === `urn:uuid:${c.documentUuid}`)) ??
      (chosenByCaller && library.length === 1 ? library[0] : undefined);
    if (!match) {
      throw new OscalError(
        'unresolvable-href',
        `The profile imports "${title ?? href}", which is not in the catalog library. Import that catalog first, or name it in "using".`,
      );
    }
    return { document: await match.load(), location: `library:${match.versionId}` };
  };
}

export async function prepareImport(
  document: unknown,
  source: string,
  library: readonly LibraryCatalog[],
  chosenByCaller = false,
): Promise<PreparedImport> {
  const result = validateOscal(document);
  if (!result.valid) throw validationError(result);
  const doc = document as Json;
  const model = result.model;
  if (model !== 'catalog' && model !== 'profile') {
    throw new AppError(
      'VALIDATION',
      `A ${model ?? 'document of unknown kind'} cannot go into the catalog library: import a catalog or a profile.`,
    );
  }
  const root = doc[model] as Json;
  const metadata = root.metadata as Json;
  let resolved: Json | null = null;
  const notes = [...result.notes];
  if (model === 'profile') {
    try {
      const r = await resolveProfile(doc as never, libraryLoader(library, chosenByCaller), { location: source, sourceProfileHref: source });
      resolved = r.document as unknown as Json;
      notes.push(...r.warnings.map((w) => w.message));
    } catch (err) {
      if (err instanceof OscalError)
        throw new AppError('VALIDATION', `The profile cannot be resolved: ${err.message}`, [
          { path: '/profile/imports', message: err.message },
        ]);
      throw err;
    }
  }
  const controls = flattenCatalog((resolved ? resolved.catalog : root) as Json);
  const dupes = duplicateIds(controls);
  if (dupes.length > 0) {
    throw new AppError(
      'VALIDATION',
      'Control ids must be unique. Nothing was imported.',
      dupes.slice(0, 50).map((id) => ({ path: `/${model}`, message: `duplicate control id "${id}"` })),
    );
  }
  return {
    kind: model,
    name: String(metadata.title),
    version: String(metadata.version),
    oscalVersion: String(metadata['oscal-version']),
    documentUuid: String(root.uuid),
    licence: licenceOf(metadata),
    document: doc,
    resolved,
    controls,
    notes,
  };
}
