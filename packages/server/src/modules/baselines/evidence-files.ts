import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../../errors.js';

/**
 * Evidence files: what types a city may attach, checked by content and not only by name, and
 * where they are kept — content-addressed by SHA-256 so that the same file attached twice is
 * stored once and a stored file can be checked against its recorded hash.
 */

interface FileType {
  mediaType: string;
  /** Null: a text type, accepted when the bytes are UTF-8 without NUL characters. */
  magic: ((b: Buffer) => boolean) | null;
}

const starts = (sig: number[] | string) => (b: Buffer) => {
  const bytes = typeof sig === 'string' ? Buffer.from(sig, 'latin1') : Buffer.from(sig);
  return b.subarray(0, bytes.length).equals(bytes);
};
const zip = starts([0x50, 0x4b, 0x03, 0x04]);

const TYPES: Record<string, FileType> = {
  pdf: { mediaType: 'application/pdf', magic: starts('%PDF-') },
  png: { mediaType: 'image/png', magic: starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { mediaType: 'image/jpeg', magic: starts([0xff, 0xd8, 0xff]) },
  jpeg: { mediaType: 'image/jpeg', magic: starts([0xff, 0xd8, 0xff]) },
  gif: { mediaType: 'image/gif', magic: starts('GIF8') },
  webp: { mediaType: 'image/webp', magic: (b) => starts('RIFF')(b) && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  txt: { mediaType: 'text/plain', magic: null },
  log: { mediaType: 'text/plain', magic: null },
  md: { mediaType: 'text/markdown', magic: null },
  csv: { mediaType: 'text/csv', magic: null },
  json: { mediaType: 'application/json', magic: null },
  xml: { mediaType: 'application/xml', magic: null },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: zip },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: zip },
  pptx: { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: zip },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', magic: zip },
  ods: { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', magic: zip },
  odp: { mediaType: 'application/vnd.oasis.opendocument.presentation', magic: zip },
};

export const ALLOWED_EXTENSIONS = Object.keys(TYPES);

function isUtf8Text(b: Buffer): boolean {
  if (b.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** The media type to record, or a 415 that says what is allowed. Scripts, HTML, SVG and executables never pass. */
export function checkEvidenceFile(name: string, bytes: Buffer): string {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const type = name.includes('.') ? TYPES[ext] : undefined;
  const allowed = `Allowed types: ${ALLOWED_EXTENSIONS.join(', ')}.`;
  if (!type) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Files of type ".${ext}" cannot be attached as evidence. ${allowed}`);
  if (bytes.length === 0) throw new AppError('VALIDATION', 'The file is empty.', [{ path: 'file', message: 'empty' }]);
  const ok = type.magic ? type.magic(bytes) : isUtf8Text(bytes);
  if (!ok) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `The file's content is not a ${ext.toUpperCase()} file. ${allowed}`);
  return type.mediaType;
}

export const sha256Of = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const pathOf = (dir: string, sha: string) => join(dir, sha.slice(0, 2), sha);

/** Writes the file once under its hash (a temporary name first, so a crash leaves no half file). */
export async function storeEvidenceFile(dir: string, bytes: Buffer): Promise<string> {
  const sha = sha256Of(bytes);
  const target = pathOf(dir, sha);
  if (existsSync(target)) return sha;
  await mkdir(dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${Date.now()}.part`;
  await writeFile(tmp, bytes, { mode: 0o640 });
  await rename(tmp, target);
  return sha;
}

/** An evidence row as the API shows it; `inherited`: it belongs to the component a requirement inherits from. */
export function evidenceView(
  e: {
    id: string;
    kind: string;
    name: string;
    url: string | null;
    sha256: string | null;
    size: number | null;
    media_type: string | null;
    added_at: string;
    added_by_name: string | null;
  },
  inherited: boolean,
) {
  return {
    id: e.id,
    kind: e.kind as 'file' | 'link',
    name: e.name,
    url: e.url,
    sha256: e.sha256,
    size: e.size,
    mediaType: e.media_type,
    addedAt: e.added_at,
    addedByName: e.added_by_name ?? null,
    inherited,
  };
}

/** Deletes a stored file; false if it was not there. Only for files no record refers to any more. */
export async function removeStoredFile(dir: string, sha: string): Promise<boolean> {
  if (!/^[0-9a-f]{64}$/.test(sha)) return false;
  try {
    await unlink(pathOf(dir, sha));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

export function openEvidenceFile(dir: string, sha: string) {
  if (!/^[0-9a-f]{64}$/.test(sha)) throw new AppError('NOT_FOUND', 'The file was not found.');
  const path = pathOf(dir, sha);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', 'The stored file is missing.');
  return createReadStream(path);
}
