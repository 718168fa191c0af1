import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DOCUMENT_KINDS,
  DOCUMENT_MEDIA_TYPES,
  DOCUMENT_OWNER_TYPES,
  documentKindsFor,
  mayRemoveDocument,
  PERSONAL_DOCUMENT_KINDS,
  SIGNED_PACT_KIND,
  type DocumentKind,
  type DocumentMediaType,
  type DocumentOwnerType,
} from '@generattivi/shared';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { EntityManager, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { applyScope, listPage, noSuchRecord, seesEverything, type ScopeKind } from '../auth/scope';
import { ConflictError, FieldsError, ForbiddenError, NotFoundError } from '../common/domain-error';
import { columns } from '../common/list-columns';
import { defineListSpec, type ListResult, type RawListParams } from '../common/list-query';
import { UnitOfWork } from '../common/unit-of-work';
import { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { Household } from '../households/household.entity';
import { Milestone } from '../milestones/milestone.entity';
import { lockPact } from '../pacts/pact-lock';
import { Pact } from '../pacts/pact.entity';
import { DOCUMENT_CHUNK_BYTES, Document, DocumentContent } from './document.entity';
import { toDocumentRecord } from './document.record';
import { assertSignedPactKept, lockOwners } from './owner-documents';

export const DOCUMENT_LIST = defineListSpec({
  resource: 'documents',
  alias: 'd',
  fields: columns(
    'id:int ownerType:enum ownerId:int kind:enum mediaType:enum fileName:string sizeBytes:int uploadedById:int createdAt:instant',
    {
      ownerType: { values: DOCUMENT_OWNER_TYPES },
      kind: { values: DOCUMENT_KINDS },
      mediaType: { values: DOCUMENT_MEDIA_TYPES },
    },
  ),
  defaultSort: ['createdAt', 'DESC'],
});

/** A file's bytes, their size and hash: read again from the start at each `chunks()`. */
export interface UploadContent {
  readonly sizeBytes: number;
  readonly sha256: string;
  /** The bytes in pieces of at most DOCUMENT_CHUNK_BYTES, in order. */
  chunks(): AsyncIterable<Buffer>;
}

/** A checked upload: its fields, its cleaned name, its bytes and their type. */
export interface Upload {
  ownerType: DocumentOwnerType;
  ownerId: number;
  kind: DocumentKind;
  fileName: string;
  mediaType: DocumentMediaType;
  content: UploadContent;
}

/** Bytes already in memory (a file the server made, as the demo's signed pacts) as content. */
export function bufferContent(bytes: Buffer): UploadContent {
  return {
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    async *chunks() {
      for (let at = 0; at < bytes.length; at += DOCUMENT_CHUNK_BYTES)
        yield bytes.subarray(at, at + DOCUMENT_CHUNK_BYTES);
    },
  };
}

/** Each owner's table, the scope it is read in, and its noun in messages. */
const OWNERS: Record<
  DocumentOwnerType,
  { entity: new () => ObjectLiteral; kind: ScopeKind; noun: string }
> = {
  pacts: { entity: Pact, kind: 'pacts', noun: 'pact' },
  milestones: { entity: Milestone, kind: 'pact-children', noun: 'milestone' },
  beneficiaries: { entity: Beneficiary, kind: 'beneficiaries', noun: 'beneficiary' },
  households: { entity: Household, kind: 'households', noun: 'household' },
};

/**
 * The documents a caller sees on `alias`: those of the owners they see (auth/scope.ts) — for
 * a community maker only those of the pacts assigned to them and of their milestones, never
 * an identity document nor an ISEE certificate.
 */
export function applyDocumentScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  caller: Caller,
): SelectQueryBuilder<T> {
  if (seesEverything(caller)) return qb;
  const owner = (type: DocumentOwnerType, ids: string) =>
    `(${alias}.ownerType = '${type}' AND ${alias}.ownerId IN (${ids}))`;
  if (caller.role === 'SOCIAL_WORKER') {
    if (caller.territoryIds.length === 0) return qb.andWhere('1 = 0');
    const mine = 'IN (:...scopeTerritoryIds)';
    return qb.andWhere(
      `(${[
        owner('pacts', `SELECT sp.id FROM pacts sp WHERE sp.territory_id ${mine}`),
        owner(
          'milestones',
          `SELECT sm.id FROM milestones sm JOIN pacts sp ON sp.id = sm.pact_id WHERE sp.territory_id ${mine}`,
        ),
        owner('beneficiaries', `SELECT sb.id FROM beneficiaries sb WHERE sb.territory_id ${mine}`),
        owner('households', `SELECT sh.id FROM households sh WHERE sh.territory_id ${mine}`),
      ].join(' OR ')})`,
      { scopeTerritoryIds: caller.territoryIds },
    );
  }
  if (caller.role === 'COMMUNITY_MAKER') {
    return qb.andWhere(
      `${alias}.kind NOT IN (:...personalKinds) AND (${owner(
        'pacts',
        'SELECT sp.id FROM pacts sp WHERE sp.community_maker_id = :scopeUserId',
      )} OR ${owner(
        'milestones',
        'SELECT sm.id FROM milestones sm JOIN pacts sp ON sp.id = sm.pact_id WHERE sp.community_maker_id = :scopeUserId',
      )})`,
      { personalKinds: PERSONAL_DOCUMENT_KINDS, scopeUserId: caller.id },
    );
  }
  return qb.andWhere('1 = 0');
}

/**
 * Files attached to pacts, milestones, beneficiaries and households: kept in the database
 * (metadata in `documents`, bytes in `document_contents`), written with their audit event in
 * one transaction, read in the scope of their owner.
 */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectRepository(Document) private readonly documents: Repository<Document>,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(AuditService) private readonly audit: AuditService,
    private readonly accessLog: AccessLogService,
  ) {}

  private scoped(caller: Caller, tx?: EntityManager): SelectQueryBuilder<Document> {
    const repo = tx ? tx.getRepository(Document) : this.documents;
    return applyDocumentScope(repo.createQueryBuilder('d'), 'd', caller);
  }

  list(caller: Caller, raw: RawListParams): Promise<ListResult<Document>> {
    return listPage(this.scoped(caller), DOCUMENT_LIST, raw);
  }

  async get(caller: Caller, id: number, tx?: EntityManager): Promise<Document> {
    const found = await this.scoped(caller, tx).andWhere('d.id = :id', { id }).getOne();
    if (!found) throw new NotFoundError('documents', id);
    return found;
  }

  /**
   * The document and its bytes as a stream (only the download reads them): one piece read from
   * the database at a time, as the reader asks for it. A document deleted meanwhile ends the
   * stream with an error (the download breaks off) rather than with part of a file.
   */
  async content(caller: Caller, id: number): Promise<{ document: Document; content: Readable }> {
    const document = await this.get(caller, id);
    if (document.erasedAt !== null)
      throw new ConflictError(
        'DOCUMENT_ERASED',
        {},
        `document ${id}: its content was erased when its person was anonymised`,
      );
    await this.recordRead(caller, document);
    const pieces = this.documents.manager.getRepository(DocumentContent);
    async function* read(): AsyncGenerator<Buffer> {
      let sent = 0;
      for (let seq = 0; sent < document.sizeBytes; seq++) {
        const row = await pieces.findOne({ where: { documentId: id, seq } });
        if (!row) throw new Error(`document ${id}: piece ${seq} is missing`);
        // Both drivers give a Buffer: handed on as is, not copied.
        const piece = Buffer.isBuffer(row.content) ? row.content : Buffer.from(row.content);
        sent += piece.length;
        yield piece;
      }
    }
    return { document, content: Readable.from(read(), { objectMode: false }) };
  }

  /** A file's download in the access log, as a read of its owner (a milestone's: its pact). */
  private async recordRead(caller: Caller, document: Document): Promise<void> {
    if (document.ownerType !== 'milestones') {
      await this.accessLog.recordRead(caller, document.ownerType, document.ownerId, 'document');
      return;
    }
    const milestone = await this.documents.manager.findOne(Milestone, {
      where: { id: document.ownerId },
      select: { id: true, pactId: true },
    });
    if (milestone) await this.accessLog.recordRead(caller, 'pacts', milestone.pactId, 'document');
  }

  /**
   * Saves an upload: the document's row, its bytes piece by piece and its audit event in one
   * transaction — a crash leaves either all of them or none.
   */
  async create(caller: Caller, upload: Upload) {
    if (!documentKindsFor(caller.role, upload.ownerType).includes(upload.kind))
      throw makerEvidenceOnly();
    const owner = OWNERS[upload.ownerType];
    const { sizeBytes, sha256 } = upload.content;
    return this.uow.run(async (tx) => {
      await lockOwners(tx, upload.ownerType, [upload.ownerId], 'FOR KEY SHARE');
      const visible = await applyScope(
        tx.getRepository(owner.entity).createQueryBuilder('o'),
        owner.kind,
        'o',
        caller,
      )
        .andWhere('o.id = :id', { id: upload.ownerId })
        .getExists();
      if (!visible)
        throw new FieldsError({
          ownerId: noSuchRecord(upload.ownerType, upload.ownerId, owner.noun),
        });
      const document = await tx.save(
        tx.create(Document, {
          ownerType: upload.ownerType,
          ownerId: upload.ownerId,
          kind: upload.kind,
          fileName: upload.fileName,
          mediaType: upload.mediaType,
          sizeBytes,
          sha256,
          uploadedById: caller.id,
        }),
      );
      let seq = 0;
      for await (const content of upload.content.chunks())
        await tx.insert(DocumentContent, { documentId: document.id, seq: seq++, content });
      const record = toDocumentRecord(document);
      const { id: _id, createdAt: _at, ...audited } = record;
      await this.audit.created(tx, caller.id, 'documents', document.id, audited);
      return record;
    });
  }

  /**
   * Removes a mistaken upload; the trail keeps its owner, kind, name, type, size and hash. A
   * pact's signed copy is removed under the pact's lock, taken first (as approval does), and
   * never the last one of an approved pact (409 LAST_SIGNED_PACT).
   */
  remove(caller: Caller, id: number) {
    return this.uow.run(async (tx) => {
      let document = await this.get(caller, id, tx);
      if (!mayRemoveDocument(caller.role, document.kind)) throw makerEvidenceOnly();
      if (document.ownerType === 'pacts' && document.kind === SIGNED_PACT_KIND) {
        await lockPact(tx, document.ownerId);
        // Read again under the lock: another deletion may have gone first.
        document = await this.get(caller, id, tx);
        const pact = await tx.findOneOrFail(Pact, {
          where: { id: document.ownerId },
          select: { id: true, status: true },
        });
        await assertSignedPactKept(tx, document, pact.status);
      }
      await tx.delete(DocumentContent, { documentId: id });
      await tx.delete(Document, { id });
      const record = toDocumentRecord(document);
      const { id: _id, createdAt: _at, ...audited } = record;
      await this.audit.deleted(tx, caller.id, 'documents', id, audited);
      return record;
    });
  }
}

const makerEvidenceOnly = () =>
  new ForbiddenError(
    'MAKER_EVIDENCE_ONLY',
    {},
    'a community maker adds and removes only EVIDENCE, on the pacts assigned to them and their milestones',
  );
