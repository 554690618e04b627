/**
 * A loader for profile resolution that reads local JSON files and never touches the network.
 *
 * An import href is turned into a file in this order:
 *  1. the caller's map (`sources`), keyed by the href itself, by a back-matter resource uuid
 *     (with or without `#`), or by one of that resource's rlink hrefs;
 *  2. `#uuid`: the importing profile's back-matter resource — its embedded base64 content, or its
 *     JSON rlinks, each mapped (1.) or read as a local path relative to the importing file;
 *  3. a relative path (against the importing file's directory) or an absolute path / file: URL.
 * An http(s) (or other network) href with no mapping is an error that names the href and how to
 * map it: published profiles point at GitHub URLs or repository-relative paths, and fetching
 * those on a city's server would be both a security risk and non-reproducible.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OscalError } from './errors.js';
import { decodeBase64Text, findResource, fragmentOf, isNetworkHref, jsonRlinks } from './hrefs.js';
import type { LoadedDocument, LoaderContext, OscalLoader } from './resolve-profile.js';

export interface FileLoaderOptions {
  /** Href, `#uuid`, resource uuid or rlink href → local file path (relative to `baseDir`). */
  sources?: Readonly<Record<string, string>>;
  /** Directory for relative paths in `sources` and for hrefs of a profile without location. */
  baseDir?: string;
  /** Refuse files larger than this many bytes (default 64 MiB). */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** Reads and parses one OSCAL JSON file, with errors that name the file. */
export function readOscalJsonFile(path: string, maxBytes = DEFAULT_MAX_BYTES): unknown {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (err) {
    throw new OscalError('unresolvable-href', `file not found: ${path}`, { href: path, cause: err });
  }
  if (size > maxBytes) throw new OscalError('too-large', `${path} is ${size} bytes, over the limit of ${maxBytes}`, { href: path });
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new OscalError('invalid-document', `${path} is not valid JSON (only OSCAL JSON is supported): ${reason}`, {
      href: path,
      cause: err,
    });
  }
}

function exists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function mappingHint(keys: readonly string[]): string {
  const key = keys[0] ?? 'HREF';
  return `map it to a local file: sources { "${key}": "/path/to/file.json" } (CLI: --source ${key}=FILE)`;
}

export function createFileLoader(options: FileLoaderOptions = {}): OscalLoader {
  const baseDir = options.baseDir ?? process.cwd();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const sources = options.sources ?? {};

  const read = (path: string): LoadedDocument => {
    const absolute = resolve(path);
    return { document: readOscalJsonFile(absolute, maxBytes), location: absolute };
  };

  const mapped = (key: string): string | undefined => {
    const target = sources[key];
    return target === undefined ? undefined : resolve(baseDir, target);
  };

  /** A relative or absolute path or file: URL, resolved against the importing document. */
  const localPath = (href: string, base: string | undefined): string => {
    if (href.toLowerCase().startsWith('file:')) return fileURLToPath(href);
    const path = decodeURIComponent(href.split(/[?#]/)[0] ?? href);
    if (isAbsolute(path)) return path;
    const dir = base !== undefined && !isNetworkHref(base) ? dirname(base) : baseDir;
    return resolve(dir, path);
  };

  const fromResource = (href: string, ctx: LoaderContext): LoadedDocument => {
    const uuid = fragmentOf(href) ?? href;
    const where = ctx.base ?? 'the importing profile';
    const resource = findResource(ctx.importer.profile, href);
    if (!resource) {
      throw new OscalError(
        'unresolvable-href',
        `import "${href}": no back-matter resource with uuid ${uuid} in ${where}; ${mappingHint([href])}`,
        {
          href,
          chain: ctx.chain,
        },
      );
    }
    const embedded = decodeBase64Text(resource);
    if (embedded !== undefined) {
      try {
        return { document: JSON.parse(embedded), location: `${ctx.base ?? ''}#${uuid}` };
      } catch (err) {
        throw new OscalError('invalid-document', `import "${href}": the base64 content of resource ${uuid} is not JSON`, {
          href,
          cause: err,
        });
      }
    }
    const tried: string[] = [];
    for (const link of jsonRlinks(resource)) {
      const target = mapped(link.href);
      if (target !== undefined) return read(target);
      if (isNetworkHref(link.href)) {
        tried.push(`${link.href} (network: not fetched)`);
        continue;
      }
      const path = localPath(link.href, ctx.base);
      if (exists(path)) return read(path);
      tried.push(`${link.href} (no file ${path})`);
    }
    const rlinks = tried.length > 0 ? `tried ${tried.join('; ')}` : 'it has no JSON rlink or base64 content';
    throw new OscalError(
      'unresolvable-href',
      `import "${href}" (back-matter resource ${uuid} of ${where}): ${rlinks}; ${mappingHint([href, uuid])}`,
      {
        href,
        chain: ctx.chain,
      },
    );
  };

  return (href: string, ctx: LoaderContext): LoadedDocument => {
    const direct = mapped(href) ?? (fragmentOf(href) !== undefined ? mapped(fragmentOf(href) ?? '') : undefined);
    if (direct !== undefined) return read(direct);
    if (fragmentOf(href) !== undefined) return fromResource(href, ctx);
    if (isNetworkHref(href)) {
      throw new OscalError(
        'network-href',
        `import "${href}" would need a network request, which the resolver never makes; ${mappingHint([href])}`,
        {
          href,
          chain: ctx.chain,
        },
      );
    }
    const path = localPath(href, ctx.base);
    if (!exists(path)) {
      throw new OscalError('unresolvable-href', `import "${href}": no file ${path}; ${mappingHint([href])}`, { href, chain: ctx.chain });
    }
    return read(path);
  };
}
