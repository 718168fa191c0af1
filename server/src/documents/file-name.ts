/** The longest file name kept, in characters (the extension is kept when cutting). */
export const MAX_FILE_NAME_LENGTH = 200;
/** The name given to a file whose own name is nothing once cleaned. */
export const FALLBACK_FILE_NAME = 'documento';

/**
 * Characters never kept in a file name: control characters (C0, DEL, C1) and the bidirectional
 * formatting ones (LRM, RLM, ALM, the embeddings, overrides and isolates), which can make
 * `fattura‮fdp.exe` read as `fatturaexe.pdf`.
 */
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The name an uploaded file is kept and offered under: what follows the last path separator
 * (`/` or `\`), in NFC, without control and bidirectional formatting characters, without leading
 * dots and surrounding spaces, at most MAX_FILE_NAME_LENGTH characters; FALLBACK_FILE_NAME when
 * nothing is left.
 */
export function cleanFileName(raw: string): string {
  const base = raw.normalize('NFC').replace(UNSAFE, '').split(/[/\\]/).pop() ?? '';
  const name = base.trim().replace(/^\.+/, '').trim();
  if (!name) return FALLBACK_FILE_NAME;
  const characters = [...name];
  if (characters.length <= MAX_FILE_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? [...name.slice(dot)] : [];
  if (extension.length > 16) return characters.slice(0, MAX_FILE_NAME_LENGTH).join('');
  return characters.slice(0, MAX_FILE_NAME_LENGTH - extension.length).join('') + extension.join('');
}

/**
 * `Content-Disposition` for a download: `attachment`, an ASCII fallback `filename` and the
 * UTF-8 name as `filename*` (RFC 6266, RFC 8187).
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
