import { buildUrl } from '../../api/client';

const enc = encodeURIComponent;

export const catalogPath = (catalogId: string) => `/catalogs/${enc(catalogId)}`;
export const versionPath = (versionId: string) => `/catalog-versions/${enc(versionId)}`;
export const controlPath = (versionId: string, controlId: string) => `${versionPath(versionId)}/controls/${enc(controlId)}`;
export const diffPath = (toVersionId: string, fromVersionId: string) => `${versionPath(toVersionId)}/diff?from=${enc(fromVersionId)}`;

/** API address of the OSCAL document of a version (an attachment); `resolved` for a profile's resolved catalog. */
export const oscalDownloadUrl = (versionId: string, resolved = false) =>
  buildUrl(`/catalog-versions/${enc(versionId)}/oscal`, resolved ? { resolved: 'true' } : undefined);

/** "1.2 MB", "340 kB" or "512 byte" in the user's locale. */
export function formatBytes(locale: string, bytes: number): string {
  const [unit, value] = bytes >= 1_000_000 ? ['megabyte', bytes / 1_000_000] : bytes >= 1000 ? ['kilobyte', bytes / 1000] : ['byte', bytes];
  // "short" reads "410 byte" for bytes; "long" says "410 bytes" (and kB / MB stay short).
  const unitDisplay = unit === 'byte' ? 'long' : 'short';
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay, maximumFractionDigits: 1 }).format(value);
}
