/** File kinds forum posts accept, recognised by their first bytes (never by the name alone). */
export const ALLOWED_FILES = {
  'application/pdf': ['.pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.oasis.opendocument.text': ['.odt'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/webp': ['.webp'],
} as const satisfies Record<string, readonly string[]>;
export type AllowedType = keyof typeof ALLOWED_FILES;

const startsWith = (data: Uint8Array, bytes: number[], at = 0) => bytes.every((b, i) => data[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const contains = (data: Uint8Array, text: string) => Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes(text, 0, 'latin1');

/** The type the content really has, when it is one we accept; null otherwise. */
export function sniffType(data: Uint8Array): AllowedType | null {
  if (startsWith(data, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    // OpenDocument stores its type uncompressed as the first entry; Office files name their parts.
    if (startsWith(data, ascii('mimetypeapplication/vnd.oasis.opendocument.text'), 30)) return 'application/vnd.oasis.opendocument.text';
    if (contains(data, 'word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (contains(data, 'xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  return null;
}

export const isImage = (type: string) => type.startsWith('image/');
