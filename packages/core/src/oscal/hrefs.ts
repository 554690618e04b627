/**
 * Pure helpers for OSCAL hrefs: `#uuid` references to back-matter resources, the rlinks and
 * embedded base64 content of a resource. Loaders (the file loader, or a server loader backed by
 * stored catalogs) use them to turn an import href into a document.
 */
import type { BackMatter, Resource, ResourceLink } from './model.js';

/** `#uuid` → `uuid`; anything else → undefined. */
export function fragmentOf(href: string): string | undefined {
  return href.startsWith('#') && href.length > 1 ? href.slice(1) : undefined;
}

/** The back-matter resource a `#uuid` href points to, if the document has it. */
export function findResource(document: { 'back-matter'?: BackMatter } | undefined, href: string): Resource | undefined {
  const uuid = fragmentOf(href) ?? href;
  return document?.['back-matter']?.resources?.find((r) => r.uuid === uuid);
}

/** True for absolute URLs that would need a network request (anything but file:). */
export function isNetworkHref(href: string): boolean {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href)?.[1]?.toLowerCase();
  // One-letter "schemes" are Windows drive letters (C:\...), not URLs.
  return scheme !== undefined && scheme.length > 1 && scheme !== 'file';
}

function looksJson(link: ResourceLink): boolean {
  const type = link['media-type']?.toLowerCase();
  if (type !== undefined) return type.includes('json');
  return /\.json$/i.test(link.href.split(/[?#]/)[0] ?? '');
}

function looksOtherFormat(link: ResourceLink): boolean {
  const type = link['media-type']?.toLowerCase();
  if (type !== undefined) return type.includes('xml') || type.includes('yaml');
  return /\.(xml|ya?ml)$/i.test(link.href.split(/[?#]/)[0] ?? '');
}

/**
 * The rlinks worth trying to load as OSCAL JSON, best first: declared or named JSON, then links
 * of unknown format. XML and YAML renditions are skipped: the engine reads JSON only.
 */
export function jsonRlinks(resource: Resource): ResourceLink[] {
  const links = resource.rlinks ?? [];
  return [...links.filter(looksJson), ...links.filter((l) => !looksJson(l) && !looksOtherFormat(l))];
}

/** Decodes a resource's embedded base64 content as UTF-8 text (undefined if it has none). */
export function decodeBase64Text(resource: Resource): string | undefined {
  const value = resource.base64?.value;
  if (value === undefined) return undefined;
  const binary = atob(value.replace(/\s+/g, ''));
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  return new TextDecoder('utf-8').decode(bytes);
}
