import { postBody, type UploadOptions } from './upload';

/**
 * Evidence files: the raw bytes of a File as the request body, with upload progress (see
 * upload.ts). Always sent as application/octet-stream: the server decides the type by the file's
 * name and content, and a text/plain or application/json body would be parsed by the server's
 * standard body parsers instead of arriving as bytes.
 */
export function postFile<T>(path: string, file: Blob, opts: UploadOptions = {}): Promise<T> {
  return postBody<T>(path, file, 'application/octet-stream', { size: file.size, ...opts });
}

/** File types the server accepts as evidence (checked again there, by content). */
export const EVIDENCE_EXTENSIONS = [
  'pdf',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'txt',
  'log',
  'md',
  'csv',
  'json',
  'xml',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'odp',
] as const;

/** The extension of a file name in lower case, or '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export const isEvidenceFileName = (name: string) => (EVIDENCE_EXTENSIONS as readonly string[]).includes(extensionOf(name));
