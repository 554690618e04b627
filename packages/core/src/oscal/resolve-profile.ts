/**
 * OSCAL profile resolution: turns a profile (a selection and tailoring of one or more catalogs
 * or profiles) into the catalog it stands for, following the OSCAL profile-resolution
 * specification and matching what NIST's reference resolver (OPRXP) produces for the SP 800-53
 * baselines: import (select) → merge (combine, structure) → modify → finish (prune, metadata).
 *
 * The engine does no I/O. Every import href goes through a caller-supplied loader, so the same
 * code serves files (see file-loader.ts), catalogs stored in a database, or test fixtures.
 */
import { OscalError, type ResolutionWarning } from './errors.js';
import {
  assembleBackMatter,
  assembleCatalog,
  pruneLooseParams,
  RESOLUTION_TOOL,
  resolvedMetadata,
  resultOscalVersion,
  sourceProfileRef,
} from './finish.js';
import { combineSelections, structureAsIs, structureCustom, structureFlat, structureOf } from './merge.js';
import {
  type Catalog,
  type CatalogDocument,
  isCatalogDocument,
  isProfileDocument,
  isRecord,
  oscalModelOf,
  type Profile,
  type ProfileDocument,
} from './model.js';
import { applyModify } from './modify.js';
import { type Selection, selectFromCatalog } from './selection.js';

/** What the engine tells a loader about the import it needs. */
export interface LoaderContext {
  /** Location of the document containing the import (as its loader reported it), if known. */
  base: string | undefined;
  /** The importing profile: `#uuid` hrefs point into its back-matter resources. */
  importer: ProfileDocument;
  /** Locations (or `urn:uuid:` ids) of the profiles being resolved, outermost first. */
  chain: readonly string[];
}

/** A loaded document and where it came from (used for relative hrefs, provenance and cycles). */
export interface LoadedDocument {
  document: unknown;
  location?: string;
}

/**
 * Turns an import href into a parsed OSCAL document (a catalog or a profile). It may return the
 * document itself or a `LoadedDocument`, synchronously or as a promise, and should throw an
 * `OscalError` explaining what to do when it cannot.
 */
export type OscalLoader = (href: string, context: LoaderContext) => unknown;

export interface ResolveOptions {
  /** Location of the profile itself: base of its relative hrefs, and its identity in cycle checks. */
  location?: string;
  /** Value of the result's source-profile link/prop; default: the location's file name or URL. */
  sourceProfileHref?: string;
  /** Clock and uuid generator, injectable for reproducible output. */
  now?: () => Date;
  uuid?: () => string;
  toolName?: string;
  /** Limit of nested profile imports (default 16): a guard against pathological chains. */
  maxDepth?: number;
}

export interface ResolutionResult {
  /** The resolved profile catalog, as an OSCAL document (`{ catalog }`). */
  document: CatalogDocument;
  warnings: ResolutionWarning[];
}

interface Frame {
  location: string | undefined;
  uuid: string;
}

interface Context {
  loader: OscalLoader;
  options: ResolveOptions;
  warnings: ResolutionWarning[];
}

function frameName(f: Frame): string {
  return f.location ?? `urn:uuid:${f.uuid}`;
}

async function load(ctx: Context, href: string, importer: ProfileDocument, stack: readonly Frame[]): Promise<LoadedDocument> {
  const top = stack[stack.length - 1];
  const chain = stack.map(frameName);
  let result: unknown;
  try {
    result = await ctx.loader(href, { base: top?.location, importer, chain });
  } catch (err) {
    if (err instanceof OscalError) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new OscalError('unresolvable-href', `cannot load import "${href}" of ${chain.at(-1)}: ${reason}`, { href, chain, cause: err });
  }
  if (isRecord(result) && 'document' in result && oscalModelOf(result) === undefined) {
    const loaded = result as { document: unknown; location?: unknown };
    return { document: loaded.document, ...(typeof loaded.location === 'string' ? { location: loaded.location } : {}) };
  }
  return { document: result };
}

async function resolveInner(ctx: Context, profileDoc: ProfileDocument, stack: readonly Frame[]): Promise<Catalog> {
  const profile = profileDoc.profile;
  const here = stack[stack.length - 1];
  const structure = structureOf(profile.merge); // fail before any loading on a contradictory merge
  const selections: Selection[] = [];
  const importedVersions: string[] = [];
  const maxDepth = ctx.options.maxDepth ?? 16;

  for (const imp of profile.imports ?? []) {
    if (typeof imp.href !== 'string' || imp.href === '') {
      throw new OscalError('invalid-profile', `an import of ${here ? frameName(here) : 'the profile'} has no href`, {
        chain: stack.map(frameName),
      });
    }
    const loaded = await load(ctx, imp.href, profileDoc, stack);
    const label = loaded.location ?? imp.href;
    const doc = loaded.document;
    let catalog: Catalog;
    if (isProfileDocument(doc)) {
      const frame: Frame = { location: loaded.location, uuid: doc.profile.uuid };
      const circular = stack.find((f) => (f.location !== undefined && f.location === frame.location) || f.uuid === frame.uuid);
      if (circular) {
        const cycle = [...stack.slice(stack.indexOf(circular)), frame].map(frameName).join(' → ');
        throw new OscalError('circular-import', `circular profile import: ${cycle} (import href "${imp.href}")`, {
          href: imp.href,
          chain: stack.map(frameName),
        });
      }
      if (stack.length >= maxDepth) {
        throw new OscalError('invalid-profile', `profile imports nested deeper than ${maxDepth} levels at ${label}`, { href: imp.href });
      }
      const nested: ResolutionWarning[] = [];
      catalog = await resolveInner({ ...ctx, warnings: nested }, doc, [...stack, frame]);
      for (const w of nested) ctx.warnings.push({ ...w, message: `${label}: ${w.message}` });
    } else if (isCatalogDocument(doc)) {
      catalog = doc.catalog;
    } else {
      const model = oscalModelOf(doc);
      throw new OscalError(
        'invalid-document',
        `import "${imp.href}" of ${here ? frameName(here) : 'the profile'} is ${model ? `an OSCAL ${model}` : 'not an OSCAL document'}; expected a catalog or a profile`,
        { href: imp.href, chain: stack.map(frameName) },
      );
    }
    importedVersions.push(catalog.metadata['oscal-version']);
    selections.push(selectFromCatalog(catalog, imp, label, ctx.warnings));
  }

  combineSelections(selections, profile.merge?.combine?.method ?? 'keep', ctx.warnings);
  const body =
    structure === 'as-is'
      ? structureAsIs(selections)
      : structure === 'custom' && profile.merge
        ? structureCustom(selections, profile.merge, ctx.warnings)
        : structureFlat(selections);
  applyModify(body, profile.modify, ctx.warnings);
  pruneLooseParams(body);

  const isTop = stack.length === 1;
  const metadata = resolvedMetadata(profile, selections, {
    now: ctx.options.now?.() ?? new Date(),
    oscalVersion: resultOscalVersion(profile.metadata['oscal-version'], importedVersions),
    sourceRef: (isTop ? ctx.options.sourceProfileHref : undefined) ?? sourceProfileRef(here?.location, profile),
    toolName: ctx.options.toolName ?? RESOLUTION_TOOL,
  });
  const resources = assembleBackMatter(selections, profile, { metadata, body });
  const uuid = ctx.options.uuid?.() ?? crypto.randomUUID();
  return assembleCatalog(uuid, metadata, body, resources);
}

/**
 * Resolves a profile into its catalog. Imports of profiles are resolved recursively; a circular
 * import, an unloadable href or an import that is not a catalog/profile stops resolution with an
 * `OscalError`; conditions the spec lets a tool work around are returned as warnings.
 *
 * Inputs are expected to be schema-valid (check them with `validateOscal` first) and are never
 * modified. For speed the result shares unchanged sub-objects (parts, props, ...) with the loaded
 * catalogs instead of deep-copying megabytes of prose: treat both as immutable, or
 * `structuredClone` the result before editing it in place.
 */
export async function resolveProfile(
  profile: ProfileDocument | Profile,
  loader: OscalLoader,
  options: ResolveOptions = {},
): Promise<ResolutionResult> {
  const doc: ProfileDocument = 'profile' in profile ? profile : { profile };
  if (!isProfileDocument(doc))
    throw new OscalError('invalid-document', 'not an OSCAL profile: expected { profile: { uuid, metadata, imports } }');
  const warnings: ResolutionWarning[] = [];
  const frame: Frame = { location: options.location, uuid: doc.profile.uuid };
  const catalog = await resolveInner({ loader, options, warnings }, doc, [frame]);
  return { document: { catalog }, warnings };
}
