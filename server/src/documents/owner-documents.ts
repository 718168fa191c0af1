import type { DocumentOwnerType } from '@generattivi/shared';
import { In, type EntityManager } from 'typeorm';
import { ConflictError } from '../common/domain-error';
import { Document } from './document.entity';

/**
 * Refuses (409 HAS_DOCUMENTS) the deletion of records that documents are attached to: a
 * document is removed on its own, with its trace in the audit trail, never along with its owner.
 */
export async function assertNoDocuments(
  tx: EntityManager,
  ownerType: DocumentOwnerType,
  ownerIds: readonly number[],
): Promise<void> {
  if (ownerIds.length === 0) return;
  const count = await tx.countBy(Document, { ownerType, ownerId: In([...ownerIds]) });
  if (count > 0)
    throw new ConflictError(
      'HAS_DOCUMENTS',
      { count },
      `${count} document${count === 1 ? ' is' : 's are'} attached (${ownerType}): delete ${count === 1 ? 'it' : 'them'} first`,
    );
}
