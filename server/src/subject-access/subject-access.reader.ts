import type { AuditEvent as AuditEventRecord } from '@generattivi/shared';
import { Brackets, In, MoreThan, type EntityManager, type ObjectLiteral } from 'typeorm';
import { AccessLogEntry } from '../access-log/access-log.entity';
import { Assignment } from '../assignments/assignment.entity';
import { AuditEventsService, toAuditEventRecord } from '../audit/audit-events.service';
import type { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { Document } from '../documents/document.entity';
import { Milestone } from '../milestones/milestone.entity';
import { Note } from '../notes/note.entity';
import { Pact } from '../pacts/pact.entity';
import { User } from '../users/user.entity';

/** Rows read per query: a person's lists are read a page at a time, never whole. */
export const PAGE = 200;

/** Every row a query gives, read a page at a time in id order (after the last id seen). */
export async function* pagesOf<T extends { id: number }>(
  page: (afterId: number, take: number) => Promise<T[]>,
  take = PAGE,
): AsyncGenerator<T> {
  let afterId = 0;
  for (;;) {
    const rows = await page(afterId, take);
    yield* rows;
    if (rows.length < take) return;
    afterId = rows[rows.length - 1].id;
  }
}

/**
 * Everything held about one person, read a page at a time: their pacts (their own and their
 * household's), those pacts' milestones, notes and assignments, the documents of all of
 * these, who read them and the audit events about them.
 */
export class SubjectAccessReader {
  private readonly names = new Map<number, string>();
  private readonly pactsWhere: string;
  private readonly params: Record<string, unknown>;

  constructor(
    private readonly manager: EntityManager,
    private readonly trail: AuditEventsService,
    readonly person: Beneficiary,
  ) {
    const household = person.householdId === null ? '' : ' OR sp.household_id = :householdId';
    this.pactsWhere = `SELECT sp.id FROM pacts sp WHERE sp.beneficiary_id = :personId${household}`;
    this.params = { personId: person.id, householdId: person.householdId };
  }

  /** Rows of `entity` with `column` equal to `value`, a page at a time. */
  private childrenOf<T extends ObjectLiteral & { id: number }>(
    entity: new () => T,
    where: (afterId: number) => object,
  ): AsyncGenerator<T> {
    return pagesOf((afterId, take) =>
      this.manager.getRepository(entity).find({
        where: where(afterId) as never,
        order: { id: 'ASC' } as never,
        take,
      }),
    );
  }

  pacts(): AsyncGenerator<Pact> {
    return pagesOf((afterId, take) =>
      this.manager
        .getRepository(Pact)
        .createQueryBuilder('p')
        .where(`p.id IN (${this.pactsWhere})`, this.params)
        .andWhere('p.id > :afterId', { afterId })
        .orderBy('p.id', 'ASC')
        .take(take)
        .getMany(),
    );
  }

  milestones(pactId: number): AsyncGenerator<Milestone> {
    return this.childrenOf(Milestone, (afterId) => ({ pactId, id: MoreThan(afterId) }));
  }

  notes(pactId: number): AsyncGenerator<Note> {
    return this.childrenOf(Note, (afterId) => ({ pactId, id: MoreThan(afterId) }));
  }

  assignments(pactId: number): AsyncGenerator<Assignment> {
    return this.childrenOf(Assignment, (afterId) => ({ pactId, id: MoreThan(afterId) }));
  }

  /** The documents of the person, of their household, of their pacts and of their milestones. */
  documents(): AsyncGenerator<Document> {
    const owners = [
      "(d.ownerType = 'beneficiaries' AND d.ownerId = :personId)",
      `(d.ownerType = 'pacts' AND d.ownerId IN (${this.pactsWhere}))`,
      `(d.ownerType = 'milestones' AND d.ownerId IN (SELECT sm.id FROM milestones sm WHERE sm.pact_id IN (${this.pactsWhere})))`,
    ];
    if (this.person.householdId !== null)
      owners.push("(d.ownerType = 'households' AND d.ownerId = :householdId)");
    return pagesOf((afterId, take) =>
      this.manager
        .getRepository(Document)
        .createQueryBuilder('d')
        .where(new Brackets((qb) => qb.where(owners.join(' OR '), this.params)))
        .andWhere('d.id > :afterId', { afterId })
        .orderBy('d.id', 'ASC')
        .take(take)
        .getMany(),
    );
  }

  /** Who read the person, their household and their pacts, oldest first. */
  accessLog(): AsyncGenerator<AccessLogEntry> {
    const reads = [
      "(l.entityType = 'beneficiaries' AND l.entityId = :personId)",
      `(l.entityType = 'pacts' AND l.entityId IN (${this.pactsWhere}))`,
    ];
    if (this.person.householdId !== null)
      reads.push("(l.entityType = 'households' AND l.entityId = :householdId)");
    return pagesOf((afterId, take) =>
      this.manager
        .getRepository(AccessLogEntry)
        .createQueryBuilder('l')
        .where(new Brackets((qb) => qb.where(reads.join(' OR '), this.params)))
        .andWhere('l.id > :afterId', { afterId })
        .orderBy('l.id', 'ASC')
        .take(take)
        .getMany(),
    );
  }

  /** The ids of one kind of the person's records, a page at a time. */
  private async *recordIds(): AsyncGenerator<{ entityType: string; ids: number[] }> {
    yield { entityType: 'beneficiaries', ids: [this.person.id] };
    if (this.person.householdId !== null)
      yield { entityType: 'households', ids: [this.person.householdId] };
    const idsOf = async function* (type: string, rows: AsyncIterable<{ id: number }>) {
      let ids: number[] = [];
      for await (const row of rows) {
        ids.push(row.id);
        if (ids.length === PAGE) {
          yield { entityType: type, ids };
          ids = [];
        }
      }
      if (ids.length) yield { entityType: type, ids };
    };
    yield* idsOf('pacts', this.pacts());
    yield* idsOf('documents', this.documents());
    for await (const { ids: pactIds } of idsOf('pacts', this.pacts())) {
      for (const [type, entity] of [
        ['milestones', Milestone],
        ['notes', Note],
        ['assignments', Assignment],
      ] as const) {
        yield* idsOf(
          type,
          this.childrenOf<{ id: number }>(entity, (afterId) => ({
            pactId: In(pactIds),
            id: MoreThan(afterId),
          })),
        );
      }
    }
  }

  /** The audit events about the person and each of their records, record kind by kind. */
  async *auditEvents(): AsyncGenerator<AuditEventRecord> {
    for await (const { entityType, ids } of this.recordIds()) {
      yield* pagesOf(async (afterId, take) => {
        const filter = { entityType, entityId: ids, id_gte: afterId + 1 };
        const page = await this.trail.list({
          filter: JSON.stringify(filter),
          sort: JSON.stringify(['id', 'ASC']),
          range: JSON.stringify([0, take - 1]),
        });
        return page.rows.map((e) => toAuditEventRecord(e));
      });
    }
  }

  /** The full names of users, read once each. */
  async userNames(ids: Iterable<number | null>): Promise<ReadonlyMap<number, string>> {
    const missing = [...new Set(ids)].filter(
      (id): id is number => id !== null && !this.names.has(id),
    );
    for (let i = 0; i < missing.length; i += PAGE) {
      const users = await this.manager.getRepository(User).find({
        select: { id: true, fullName: true },
        where: { id: In(missing.slice(i, i + PAGE)) },
      });
      for (const u of users) this.names.set(u.id, u.fullName);
    }
    return this.names;
  }
}
