import {
  documentKindsFor,
  isAllowed,
  mayRemoveDocument,
  type DocumentKind,
  type DocumentOwnerType,
  type Role,
} from '@generattivi/shared';

/**
 * What a role may do with the documents of a record: shared's permission table (`documents`),
 * `documentKindsFor` and `mayRemoveDocument`, for a role not known yet too. The server stays
 * authoritative on the scope.
 */

/** The kinds offered when uploading; none when the role may not upload to this owner. */
export function uploadableKinds(
  role: Role | undefined,
  ownerType: DocumentOwnerType,
): readonly DocumentKind[] {
  return role ? documentKindsFor(role, ownerType) : [];
}

/** Whether the role may remove a document of this kind. */
export function canDeleteDocument(role: Role | undefined, kind: DocumentKind): boolean {
  return !!role && mayRemoveDocument(role, kind);
}

/** Whether the role may read the bytes (download, preview): the manager reads metadata only. */
export function canReadContent(role: Role | undefined): boolean {
  return !!role && isAllowed(role, 'documents', 'download');
}

/** The types a document may be, for the file picker (by media type and by extension). */
export const ACCEPTED_FILES =
  'application/pdf,image/jpeg,image/png,image/webp,.pdf,.jpg,.jpeg,.png,.webp';

/** Whether the browser can show the document in a dialog. */
export function canPreview(mediaType: string): boolean {
  return mediaType === 'application/pdf' || mediaType.startsWith('image/');
}
