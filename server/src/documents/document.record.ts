import type { DocumentRecord } from '@generattivi/shared';
import type { Document } from './document.entity';

export function toDocumentRecord(d: Document): DocumentRecord {
  return {
    id: d.id,
    ownerType: d.ownerType,
    ownerId: d.ownerId,
    kind: d.kind,
    fileName: d.fileName,
    mediaType: d.mediaType,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
    uploadedById: d.uploadedById,
    createdAt: d.createdAt,
  } satisfies DocumentRecord;
}
