import type { DocumentMediaType } from '@generattivi/shared';

/** How many first bytes decide a file's type. */
export const MEDIA_TYPE_HEAD_BYTES = 12;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The type of a document from its first bytes (its magic number), never from its name: PDF
 * (`%PDF-`), JPEG (FF D8 FF), PNG (its 8-byte signature), WebP (`RIFF` … `WEBP`); undefined for
 * anything else.
 */
export function detectMediaType(head: Uint8Array): DocumentMediaType | undefined {
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  return undefined;
}
