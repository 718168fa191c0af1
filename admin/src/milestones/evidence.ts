import { DOCUMENT_MEDIA_TYPES, type DocumentRecord } from '@generattivi/shared';
import { ACCEPTED_FILES } from '../documents/documentRules';

/**
 * What the evidence picker accepts: on a phone, images straight from the camera
 * (`capture="environment"`); elsewhere a photo or a PDF from the disk.
 */
export function evidenceAccept(phone: boolean): { accept: string; capture?: 'environment' } {
  return phone ? { accept: 'image/*', capture: 'environment' } : { accept: ACCEPTED_FILES };
}

/**
 * Why a chosen file cannot be evidence, before sending it: empty, or of a type the server
 * refuses (a HEIC or GIF photo). A type the browser does not name is left to the server,
 * which decides from the bytes.
 */
export function evidenceFileProblem(file: {
  type: string;
  size: number;
}): 'empty' | 'wrong_type' | null {
  if (file.size === 0) return 'empty';
  if (file.type && !(DOCUMENT_MEDIA_TYPES as readonly string[]).includes(file.type)) {
    return 'wrong_type';
  }
  return null;
}

/** How many EVIDENCE documents each milestone has, by milestone id. */
export function evidenceCounts(
  documents: readonly Pick<DocumentRecord, 'ownerType' | 'ownerId' | 'kind'>[],
): ReadonlyMap<number, number> {
  const counts = new Map<number, number>();
  for (const d of documents) {
    if (d.ownerType !== 'milestones' || d.kind !== 'EVIDENCE') continue;
    counts.set(d.ownerId, (counts.get(d.ownerId) ?? 0) + 1);
  }
  return counts;
}
