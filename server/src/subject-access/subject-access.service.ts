import { Injectable } from '@nestjs/common';
import { todayIso } from '@generattivi/shared';
import type { Archiver } from 'archiver';
import { Readable, type PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import { toAccessLogRecord } from '../access-log/access-log.list';
import { AuditEventsService } from '../audit/audit-events.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { BeneficiariesService } from '../beneficiaries/beneficiaries.service';
import { toFullBeneficiaryRecord } from '../beneficiaries/beneficiary.record';
import { nowIso } from '../common/clock';
import { archiver } from '../common/on-first-use';
import { UnitOfWork } from '../common/unit-of-work';
import { toDocumentRecord } from '../documents/document.record';
import { DocumentsService } from '../documents/documents.service';
import { cleanFileName } from '../documents/file-name';
import { Household } from '../households/household.entity';
import { toHouseholdRecord } from '../households/household.record';
import { toMilestoneRecord } from '../milestones/milestone.record';
import { toNoteRecord } from '../notes/note.record';
import { toAssignmentRecord } from '../assignments/assignments.service';
import { toPactRecord } from '../pacts/pact.record';
import { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { Territory } from '../territories/territory.entity';
import { jsonStream, mapAsync } from './json-stream';
import { renderSummaryPdf } from './subject-access.pdf';
import { SubjectAccessReader } from './subject-access.reader';
import {
  subjectAccessSummary,
  takeCapped,
  type SummaryPact,
  type SummarySource,
} from './subject-access.summary';

/** Items of each list the printed summary shows; dati.json holds them all. */
export const SUMMARY_CAP = 200;
/** Pacts the printed summary details (each with up to SUMMARY_CAP milestones, notes, …). */
export const SUMMARY_PACTS = 20;

/** `dati-interessato-rossi-2026-12-06.zip`: the surname in plain ASCII letters and digits. */
export function subjectAccessFileName(lastName: string, today: string): string {
  const surname = lastName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `dati-interessato-${surname || 'persona'}-${today}.zip`;
}

/** `documenti/12-Carta d_identità.pdf`: the id keeps names apart, no character a disk refuses. */
export function archivedDocumentName(id: number, fileName: string): string {
  return `documenti/${id}-${cleanFileName(fileName).replace(/[<>:"/\\|?*]/g, '_')}`;
}

/**
 * Appends one entry and waits until the archive has written it (one entry open at a time); a
 * download broken off (the archive closed) stops the writing instead of leaving it waiting.
 */
function appendEntry(archive: Archiver, source: Readable, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      archive.off('entry', done).off('error', failed).off('close', closed);
      if (error) {
        source.destroy();
        reject(error);
      } else resolve();
    };
    const done = () => settle();
    const failed = (error: Error) => settle(error);
    const closed = () => settle(new Error(`the archive closed before ${name} was written`));
    archive.once('entry', done).once('error', failed).once('close', closed);
    archive.append(source, { name, date: new Date() });
  });
}

/**
 * A person's access request (GDPR art. 15, `GET /beneficiaries/:id/subject-access`): a ZIP
 * of `dati.json` (everything held about them), `riepilogo.pdf` (the same in readable Italian)
 * and `documenti/` (the files), written as it is read, a page of rows at a time.
 */
@Injectable()
export class SubjectAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly beneficiaries: BeneficiariesService,
    private readonly auditEvents: AuditEventsService,
    private readonly documents: DocumentsService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly accessLog: AccessLogService,
  ) {}

  async export(caller: Caller, id: number): Promise<{ fileName: string; zip: PassThrough }> {
    const person = await this.beneficiaries.findVisible(caller, id);
    const fileName = subjectAccessFileName(person.lastName, todayIso());
    await this.uow.run((tx) =>
      this.audit.append(tx, {
        actorId: caller.id,
        action: 'export',
        entityType: 'beneficiaries',
        entityId: id,
        changes: { document: [null, fileName] },
      }),
    );
    await this.accessLog.caughtUp();
    const reader = new SubjectAccessReader(this.dataSource.manager, this.auditEvents, person);
    const via = 'subject-access';
    const reads = [this.accessLog.recordRead(caller, 'beneficiaries', id, via)];
    if (person.householdId !== null)
      reads.push(this.accessLog.recordRead(caller, 'households', person.householdId, via));
    const pactIds: number[] = [];
    for await (const pact of reader.pacts()) pactIds.push(pact.id);
    reads.push(this.accessLog.recordReads(caller, 'pacts', pactIds, via));
    await Promise.all(reads);

    const zip = archiver()('zip', { zlib: { level: 6 } });
    this.write(zip, caller, reader).catch((error: unknown) =>
      zip.destroy(error instanceof Error ? error : new Error(String(error))),
    );
    return { fileName, zip };
  }

  private async write(zip: Archiver, caller: Caller, reader: SubjectAccessReader) {
    const household = await this.household(reader.person);
    const json = jsonStream({
      generatedAt: nowIso(),
      beneficiary: toFullBeneficiaryRecord(reader.person),
      households: household ? [toHouseholdRecord(household)] : [],
      pacts: mapAsync(reader.pacts(), (pact) => ({
        ...toPactRecord(pact),
        milestones: mapAsync(reader.milestones(pact.id), (m) => toMilestoneRecord(m, pact.status)),
        notes: mapAsync(reader.notes(pact.id), toNoteRecord),
        assignments: mapAsync(reader.assignments(pact.id), toAssignmentRecord),
      })),
      documents: mapAsync(reader.documents(), toDocumentRecord),
      accessLog: mapAsync(reader.accessLog(), toAccessLogRecord),
      auditEvents: reader.auditEvents(),
    });
    await appendEntry(zip, Readable.from(json), 'dati.json');
    const summary = subjectAccessSummary(await this.summarySource(reader, household));
    await appendEntry(zip, renderSummaryPdf(summary), 'riepilogo.pdf');
    for await (const document of reader.documents()) {
      const { content } = await this.documents.content(caller, document.id);
      await appendEntry(zip, content, archivedDocumentName(document.id, document.fileName));
    }
    await zip.finalize();
  }

  private household(person: Beneficiary): Promise<Household | null> {
    return person.householdId === null
      ? Promise.resolve(null)
      : this.dataSource.manager.findOneBy(Household, { id: person.householdId });
  }

  /**
   * The first SUMMARY_CAP items of each list (of the first SUMMARY_PACTS pacts), with the names
   * of the users they mention: a bounded read, however much is held.
   */
  private async summarySource(
    reader: SubjectAccessReader,
    household: Household | null,
  ): Promise<SummarySource> {
    const manager = this.dataSource.manager;
    const cap = <T>(items: AsyncIterable<T>) => takeCapped(items, SUMMARY_CAP);
    const pacts = await takeCapped(
      mapAsync(reader.pacts(), async (pact): Promise<SummaryPact> => ({
        ...pact,
        milestones: await cap(reader.milestones(pact.id)),
        notes: await cap(reader.notes(pact.id)),
        assignments: await cap(reader.assignments(pact.id)),
      })),
      SUMMARY_PACTS,
    );
    const members = household
      ? await manager.find(Beneficiary, {
          select: { id: true, firstName: true, lastName: true },
          where: { householdId: household.id },
          order: { lastName: 'ASC', firstName: 'ASC' },
          take: SUMMARY_CAP,
        })
      : [];
    const documents = await cap(reader.documents());
    const accessLog = await cap(reader.accessLog());
    const auditEvents = await cap(reader.auditEvents());
    const userNames = await reader.userNames([
      ...pacts.items.flatMap((p) => [
        ...p.notes.items.map((n) => n.authorId),
        ...p.assignments.items.map((a) => a.communityMakerId),
      ]),
      ...accessLog.items.map((e) => e.actorId),
      ...auditEvents.items.map((e) => e.actorId),
    ]);
    const territory = await manager.findOneBy(Territory, { id: reader.person.territoryId });
    return {
      generatedAt: nowIso(),
      person: toFullBeneficiaryRecord(reader.person),
      territory: territory?.name ?? '—',
      household: household && {
        name: household.name,
        municipality: household.municipality,
        members: members.map((m) => `${m.lastName} ${m.firstName}`),
      },
      pacts,
      documents,
      accessLog,
      auditEvents,
      userNames,
    };
  }
}
