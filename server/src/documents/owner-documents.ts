import {
  APPROVED_PACT_STATUSES,
  SIGNED_PACT_KIND,
  type DocumentOwnerType,
} from '@generattivi/shared';
import { In, Not, type EntityManager } from 'typeorm';
import { ConflictError } from '../common/domain-error';
import { Document } from './document.entity';

/** The table of each kind of owner (the owner type is the API collection, and the table). */
const TABLES: Record<DocumentOwnerType, string> = {
  pacts: 'pacts',
  milestones: 'milestones',
  beneficiaries: 'beneficiaries',
  households: 'households',
};

/**
 * On PostgreSQL, locks the owners' rows until the transaction ends: an upload takes FOR KEY
 * SHARE (uploads and ordinary edits of the owner do not wait for each other), a deletion FOR
 * UPDATE before counting the documents, so the one waits for the other and a document is
 * never attached to a record deleted meanwhile. SQLite needs nothing: a unit of work holds the
 * database's write lock.
 */
export async function lockOwners(
  tx: EntityManager,
  ownerType: DocumentOwnerType,
  ownerIds: readonly number[],
  mode: 'FOR KEY SHARE' | 'FOR UPDATE',
): Promise<void> {
  if (tx.connection.options.type !== 'postgres' || ownerIds.length === 0) return;
  await tx.query(`SELECT 1 FROM "${TABLES[ownerType]}" WHERE "id" = ANY($1) ${mode}`, [
    [...ownerIds],
  ]);
}

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
  await lockOwners(tx, ownerType, ownerIds, 'FOR UPDATE');
  const count = await tx.countBy(Document, { ownerType, ownerId: In([...ownerIds]) });
  if (count > 0)
    throw new ConflictError(
      'HAS_DOCUMENTS',
      { count },
      `${count} document${count === 1 ? ' is' : 's are'} attached (${ownerType}): delete ${count === 1 ? 'it' : 'them'} first`,
    );
}

/** The SIGNED_PACT documents of pact `pactId` itself (not of its milestones). */
export function signedPactCount(tx: EntityManager, pactId: number): Promise<number> {
  return tx.countBy(Document, { ownerType: 'pacts', ownerId: pactId, kind: SIGNED_PACT_KIND });
}

/**
 * Refuses (409 LAST_SIGNED_PACT) to delete `document` when it is the last SIGNED_PACT of a pact
 * that was approved (APPROVED_PACT_STATUSES). Call it holding the pact's lock (lockPact), taken
 * before anything else of the pact is read: approval takes the same lock before counting the
 * signed pacts, so the two never interleave and no approved pact ends without one.
 */
export async function assertSignedPactKept(
  tx: EntityManager,
  document: Pick<Document, 'id' | 'ownerType' | 'ownerId' | 'kind'>,
  pactStatus: string,
): Promise<void> {
  if (document.ownerType !== 'pacts' || document.kind !== SIGNED_PACT_KIND) return;
  if (!(APPROVED_PACT_STATUSES as readonly string[]).includes(pactStatus)) return;
  const others = await tx.countBy(Document, {
    ownerType: 'pacts',
    ownerId: document.ownerId,
    kind: SIGNED_PACT_KIND,
    id: Not(document.id),
  });
  if (others === 0)
    throw new ConflictError(
      'LAST_SIGNED_PACT',
      {},
      'the pact was approved and this is its only signed copy: upload another SIGNED_PACT document before deleting it',
    );
}
