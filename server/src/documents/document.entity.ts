import type { DocumentKind, DocumentMediaType, DocumentOwnerType } from '@generattivi/shared';
import { Column, Entity, EntitySchema, Index } from 'typeorm';
import type { DatabaseConfig } from '../config/config';
import { BaseRecord, InstantColumn, ReferenceColumn } from '../database/columns';
import { User } from '../users/user.entity';

/**
 * A document's metadata: what lists and reads load. Its bytes are in `document_contents`
 * (DocumentContent), written in the same transaction and read only by a download.
 */
@Entity('documents')
@Index(['ownerType', 'ownerId', 'createdAt'])
export class Document extends BaseRecord {
  @Column({ type: 'varchar', length: 16 })
  ownerType!: DocumentOwnerType;

  /** The id of a record of `ownerType` (no foreign key: the owner is one of four tables). */
  @Column({ type: 'integer' })
  ownerId!: number;

  @Column({ type: 'varchar', length: 20 })
  kind!: DocumentKind;

  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'varchar', length: 32 })
  mediaType!: DocumentMediaType;

  @Column({ type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @ReferenceColumn(() => User, { index: true })
  uploadedById!: number;

  /**
   * When the content was erased (its person anonymised): the row stays so that counts hold,
   * the bytes are gone and the file name is a placeholder.
   */
  @InstantColumn({ nullable: true })
  erasedAt!: string | null;
}

/**
 * One piece of a document's bytes: the pieces of a document, in `seq` order (0, 1, …), each of
 * at most DOCUMENT_CHUNK_BYTES, are its content. Written and read a piece at a time, so that
 * no more than one piece of a file is in memory on either side of the database.
 */
export class DocumentContent {
  documentId!: number;
  seq!: number;
  content!: Buffer;
}

/** The size of a piece of a document's bytes (the last one may be shorter). */
export const DOCUMENT_CHUNK_BYTES = 512 * 1024;

/**
 * DocumentContent's table for an engine: the bytes are a `blob` on SQLite and a `bytea` on
 * PostgreSQL (no column type is both), everything else the same. An entity schema cannot
 * relate to a decorated entity, so there is no foreign key: the row is written and deleted
 * with its document's, in the same transaction (DocumentsService).
 */
export function documentContentSchema(engine: DatabaseConfig['type']) {
  return new EntitySchema<DocumentContent>({
    name: 'DocumentContent',
    target: DocumentContent,
    tableName: 'document_contents',
    columns: {
      documentId: { type: 'integer', primary: true },
      seq: { type: 'integer', primary: true },
      content: { type: engine === 'postgres' ? 'bytea' : 'blob' },
    },
  });
}
