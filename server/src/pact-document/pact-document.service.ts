import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { readsPeopleOf } from '../auth/scope';
import { ForbiddenError } from '../common/domain-error';
import { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { UnitOfWork } from '../common/unit-of-work';
import { CommunityLab } from '../community-labs/community-lab.entity';
import { Household } from '../households/household.entity';
import { Milestone } from '../milestones/milestone.entity';
import { visiblePact } from '../pacts/pact-list';
import type { Pact } from '../pacts/pact.entity';
import { Territory } from '../territories/territory.entity';
import { User } from '../users/user.entity';
import {
  pactDocumentContent,
  type PactDocumentSource,
  type PersonSource,
} from './pact-document.content';
import { renderPactPdf } from './pact-document.pdf';

const person = (b: Beneficiary): PersonSource => ({
  id: b.id,
  firstName: b.firstName,
  lastName: b.lastName,
  fiscalCode: b.fiscalCode,
  birthDate: b.birthDate,
  municipality: b.municipality,
});

/** The pact, its milestones and its parties as the document shows them, read in `tx`. */
async function readSource(tx: EntityManager, pact: Pact): Promise<PactDocumentSource> {
  const staff = async (id: number | null) => {
    const user = id == null ? null : await tx.findOneBy(User, { id });
    return user && { id: user.id, fullName: user.fullName };
  };
  // One query after another: the transaction's connection runs them so anyway.
  const territory = await tx.findOneByOrFail(Territory, { id: pact.territoryId });
  const beneficiary =
    pact.beneficiaryId == null ? null : await tx.findOneBy(Beneficiary, { id: pact.beneficiaryId });
  const household =
    pact.householdId == null ? null : await tx.findOneBy(Household, { id: pact.householdId });
  const members = household
    ? await tx.find(Beneficiary, {
        where: { householdId: household.id },
        order: { lastName: 'ASC', firstName: 'ASC', id: 'ASC' },
      })
    : [];
  const socialWorker = await staff(pact.socialWorkerId);
  const communityMaker = await staff(pact.communityMakerId);
  const lab =
    pact.communityLabId == null
      ? null
      : await tx.findOneBy(CommunityLab, { id: pact.communityLabId });
  const milestones = await tx.find(Milestone, {
    where: { pactId: pact.id },
    order: { dueDate: 'ASC', id: 'ASC' },
  });
  return {
    pact: {
      id: pact.id,
      version: pact.version,
      type: pact.type,
      reference: pact.reference,
      status: pact.status,
      title: pact.title,
      objectives: pact.objectives,
      citizenCommitments: pact.citizenCommitments,
      communityCommitments: pact.communityCommitments,
      startDate: pact.startDate,
      plannedEndDate: pact.plannedEndDate,
      eligibility: pact.eligibility,
    },
    territory: { id: territory.id, name: territory.name },
    beneficiary: beneficiary && person(beneficiary),
    household: household && {
      id: household.id,
      name: household.name,
      municipality: household.municipality,
      membersCount: household.membersCount,
      members: members.map(person),
    },
    socialWorker,
    communityMaker,
    communityLab: lab && { id: lab.id, name: lab.name },
    milestones: milestones.map((m) => ({
      id: m.id,
      version: m.version,
      title: m.title,
      description: m.description,
      dueDate: m.dueDate,
      status: m.status,
      achievedAt: m.achievedAt,
    })),
  };
}

/**
 * The printable pact (`GET /pacts/:id/document`): read in the caller's scope in one
 * transaction with the audit event of the export, each person it names recorded in the access
 * log, then drawn as a PDF stream.
 */
@Injectable()
export class PactDocumentService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly accessLog: AccessLogService,
  ) {}

  async document(caller: Caller, id: number): Promise<{ filename: string; pdf: Readable }> {
    const { source, content } = await this.uow.run(async (tx) => {
      const pact = await visiblePact(tx, caller, id);
      if (!readsPeopleOf(caller, pact)) {
        throw new ForbiddenError(
          'ASSIGNMENT_ENDED',
          { status: pact.status },
          `the pact is ${pact.status}: its community maker no longer reads the people it names`,
        );
      }
      const read = await readSource(tx, pact);
      const made = pactDocumentContent(read);
      const filename = `${pact.reference}.pdf`;
      await this.audit.append(tx, {
        actorId: caller.id,
        action: 'export',
        entityType: 'pacts',
        entityId: pact.id,
        changes: {
          document: [null, filename],
          version: [null, pact.version],
          fingerprint: [null, made.fingerprint],
        },
      });
      return { source: read, content: made };
    });
    const people = new Set([
      ...(source.beneficiary ? [source.beneficiary.id] : []),
      ...(source.household?.members.map((m) => m.id) ?? []),
    ]);
    await Promise.all([
      this.accessLog.recordRead(caller, 'pacts', source.pact.id, 'pdf'),
      ...(source.household
        ? [this.accessLog.recordRead(caller, 'households', source.household.id, 'pdf')]
        : []),
      this.accessLog.recordReads(caller, 'beneficiaries', [...people], 'pdf'),
    ]);
    return { filename: `${content.reference}.pdf`, pdf: renderPactPdf(content) };
  }
}
