import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, todayIso, type TerritoryCode } from '@generattivi/shared';
import { DataSource } from 'typeorm';
import { PactAssignmentService } from '../assignments/pact-assignment.service';
import type { Caller } from '../auth/caller';
import { BeneficiariesService } from '../beneficiaries/beneficiaries.service';
import { CreateBeneficiaryDto } from '../beneficiaries/dto/beneficiary.dto';
import { CivicCentersService } from '../civic-centers/civic-centers.service';
import { CreateCivicCenterDto } from '../civic-centers/dto/civic-center.dto';
import { CommunityLabsService } from '../community-labs/community-labs.service';
import { CreateCommunityLabDto } from '../community-labs/dto/community-lab.dto';
import { bufferContent, DocumentsService } from '../documents/documents.service';
import { CreateHouseholdDto } from '../households/dto/household.dto';
import { HouseholdsService } from '../households/households.service';
import { MilestonesService } from '../milestones/milestones.service';
import { CreateMilestoneDto, UpdateMilestoneDto } from '../milestones/dto/milestone.dto';
import { CreateNoteDto } from '../notes/dto/note.dto';
import { NotesService } from '../notes/notes.service';
import { PactDocumentService } from '../pact-document/pact-document.service';
import { CreatePactDto, TransitionDto } from '../pacts/dto/pact.dto';
import { PactTransitionsService } from '../pacts/pact-transitions.service';
import { PactsService } from '../pacts/pacts.service';
import { CreatePactTemplateDto } from '../pact-templates/dto/pact-template.dto';
import { PactTemplatesService } from '../pact-templates/pact-templates.service';
import { Territory } from '../territories/territory.entity';
import { User } from '../users/user.entity';
import { CIVIC_CENTERS, COMMUNITY_LABS, PACT_TEMPLATES } from './demo-catalogue';
import { between, demoPerson, pick, planDemoPacts, prng, type DemoPactPlan } from './demo-data';

export const callerOf = (u: User): Caller => ({
  id: u.id,
  email: u.email,
  fullName: u.fullName,
  role: u.role,
  territoryIds: u.territoryIds,
  jti: 'demo-data',
  tokenExpiresAt: 0,
});

/** Builds a DTO instance from a plain object (services take DTO classes). */
const dto = <T extends object>(cls: new () => T, values: Partial<T>): T =>
  Object.assign(new cls(), values);

/**
 * The demo case records, written through the same services as the API (so they are valid,
 * scoped and audited), acting as the people who would do each step: social workers open and
 * approve pacts, community makers add milestones and diary notes.
 */
@Injectable()
export class DemoLoader {
  private readonly logger = new Logger(DemoLoader.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly beneficiaries: BeneficiariesService,
    private readonly households: HouseholdsService,
    private readonly labs: CommunityLabsService,
    private readonly civicCenters: CivicCentersService,
    private readonly pacts: PactsService,
    private readonly transitions: PactTransitionsService,
    private readonly assignment: PactAssignmentService,
    private readonly milestones: MilestonesService,
    private readonly notes: NotesService,
    private readonly templates: PactTemplatesService,
    private readonly documents: DocumentsService,
    private readonly pactDocument: PactDocumentService,
  ) {}

  async load(): Promise<void> {
    const rng = prng(20261125);
    const today = todayIso();
    const territories = await this.dataSource.getRepository(Territory).find();
    const territory = (code: TerritoryCode) => territories.find((t) => t.code === code)!;
    const users = await this.dataSource.getRepository(User).find({ order: { id: 'ASC' } });
    const admin = callerOf(users.find((u) => u.role === 'ADMIN')!);
    const socialWorker = (t: Territory) =>
      callerOf(users.find((u) => u.role === 'SOCIAL_WORKER' && u.territoryIds.includes(t.id))!);
    const makersOf = (t: Territory) =>
      users.filter(
        (u) =>
          u.role === 'COMMUNITY_MAKER' && u.territoryIds.length === 1 && u.territoryIds[0] === t.id,
      );

    for (const c of CIVIC_CENTERS) {
      await this.civicCenters.create(
        admin,
        dto(CreateCivicCenterDto, {
          name: c.name,
          territoryId: territory(c.territory).id,
          municipality: c.municipality,
          description: c.description,
          childrenReached: c.children,
          adultsReached: c.adults,
        }),
      );
    }
    const labIds = new Map<number, number[]>();
    const labMaker = new Map<number, number>();
    const labCount = new Map<number, number>();
    for (const l of COMMUNITY_LABS) {
      const t = territory(l.territory);
      const index = labCount.get(t.id) ?? 0;
      labCount.set(t.id, index + 1);
      const maker = makersOf(t)[index % makersOf(t).length];
      const lab = await this.labs.create(
        admin,
        dto(CreateCommunityLabDto, {
          name: l.name,
          territoryId: t.id,
          municipality: l.municipality,
          description: l.description,
          communityMakerIds: [maker.id],
        }),
      );
      labIds.set(t.id, [...(labIds.get(t.id) ?? []), lab.id]);
      labMaker.set(lab.id, maker.id);
    }

    // The common templates are the administrator's; those of one territory its social worker's.
    for (const { territory: code, milestones, ...fields } of PACT_TEMPLATES) {
      const t = code === null ? null : territory(code);
      await this.templates.create(
        t ? socialWorker(t) : admin,
        dto(CreatePactTemplateDto, {
          ...fields,
          territoryId: t?.id ?? null,
          milestones: milestones.map((m) => ({ ...m })),
        }),
      );
    }

    const plans = planDemoPacts(rng, today);
    let index = 0;
    for (const plan of plans) {
      const t = territory(plan.territory);
      await this.loadPact(
        plan,
        t,
        socialWorker(t),
        makersOf(t).map(callerOf),
        labIds.get(t.id) ?? [],
        labMaker,
        index++,
        rng,
        today,
      );
    }
    this.logger.log(
      `loaded the demo case records: ${CIVIC_CENTERS.length} civic centers, ${COMMUNITY_LABS.length} laboratories, ${PACT_TEMPLATES.length} pact templates, ${plans.length} pacts`,
    );
  }

  private async loadPact(
    plan: DemoPactPlan,
    t: Territory,
    sw: Caller,
    makers: Caller[],
    labs: number[],
    labMaker: Map<number, number>,
    index: number,
    rng: () => number,
    today: string,
  ): Promise<void> {
    const municipality = index % 3 === 0 ? t.municipalities[0] : pick(rng, t.municipalities);
    let beneficiaryId: number;
    let householdId: number | null = null;
    if (plan.type === 'AUTONOMY') {
      const p = demoPerson(rng, today, between(rng, 21, 37), 'UNEMPLOYED');
      beneficiaryId = (
        await this.beneficiaries.create(
          sw,
          dto(CreateBeneficiaryDto, { ...p, territoryId: t.id, municipality, email: null }),
        )
      ).id;
    } else {
      const head = demoPerson(
        rng,
        today,
        between(rng, 30, 55),
        pick(rng, ['UNEMPLOYED', 'INACTIVE', 'EMPLOYED'] as const),
      );
      const unknownIsee = plan.status === 'DRAFT' && index % 2 === 0;
      const assessed = !unknownIsee && index % 4 === 1;
      const household = await this.households.create(
        sw,
        dto(CreateHouseholdDto, {
          name: `Famiglia ${head.lastName}`,
          territoryId: t.id,
          municipality,
          membersCount: between(rng, 2, 6),
          iseeEur: unknownIsee
            ? null
            : assessed
              ? between(rng, 9500, 14000)
              : between(rng, 2500, 9300) + between(rng, 0, 99) / 100,
          vulnerable: assessed,
          vulnerabilityReason: assessed
            ? 'Perdita improvvisa del lavoro e sfratto esecutivo in corso'
            : null,
        }),
      );
      householdId = household.id;
      beneficiaryId = (
        await this.beneficiaries.create(
          sw,
          dto(CreateBeneficiaryDto, {
            ...head,
            territoryId: t.id,
            municipality,
            householdId,
            email: null,
          }),
        )
      ).id;
      const child = demoPerson(rng, today, between(rng, 8, 17), 'STUDENT', head.lastName);
      await this.beneficiaries.create(
        sw,
        dto(CreateBeneficiaryDto, {
          ...child,
          territoryId: t.id,
          municipality,
          householdId,
          email: null,
          phone: null,
        }),
      );
    }

    const labId = labs.length ? labs[index % labs.length] : null;
    const maker =
      makers.find((m) => m.id === labMaker.get(labId ?? -1)) ?? makers[index % makers.length];
    const assigned = plan.status !== 'DRAFT' || index % 2 === 0;
    const pact = await this.pacts.create(
      sw,
      dto(CreatePactDto, {
        type: plan.type,
        territoryId: t.id,
        beneficiaryId,
        householdId,
        communityLabId: labId,
        communityMakerId: assigned ? maker.id : null,
        title: plan.title,
        objectives:
          plan.type === 'AUTONOMY'
            ? 'Acquisire competenze spendibili e trovare un’occupazione stabile.'
            : 'Ritrovare stabilità economica e relazioni di sostegno nel quartiere.',
        citizenCommitments:
          'Partecipare agli incontri concordati e al laboratorio di comunità; aggiornare la propria situazione.',
        communityCommitments:
          'Accompagnamento del community maker, contatti con imprese e associazioni del territorio.',
        startDate: plan.startDate,
        plannedEndDate: plan.plannedEndDate,
      }),
    );
    const noteTimes = plan.notes.map((n) => Date.now() - n.daysAgo * 86_400_000);
    if (noteTimes.length) {
      // The diary goes back in time, and no note is older than its pact: the pact is dated
      // a day before its first note, as if opened then.
      const openedAt = new Date(Math.min(...noteTimes) - 86_400_000).toISOString();
      const p = (i: number) => (this.dataSource.options.type === 'postgres' ? `$${i}` : '?');
      await this.dataSource.query(`UPDATE pacts SET created_at = ${p(1)} WHERE id = ${p(2)}`, [
        openedAt,
        pact.id,
      ]);
    }
    const milestoneIds: number[] = [];
    const author = assigned ? maker : sw;
    for (const m of plan.milestones) {
      milestoneIds.push(
        (
          await this.milestones.create(
            author,
            dto(CreateMilestoneDto, { pactId: pact.id, title: m.title, dueDate: m.dueDate }),
          )
        ).id,
      );
    }
    const fire = async (to: TransitionDto['to'], reason?: string, outcome?: string) => {
      const current = await this.pacts.findVisible(sw, pact.id);
      await this.transitions.transition(
        sw,
        pact.id,
        dto(TransitionDto, { to, reason, outcome, version: current.version }),
      );
    };
    if (plan.status === 'CANCELLED') return fire('CANCELLED', plan.reason);
    if (plan.status === 'DRAFT') return;
    await fire('SUBMITTED');
    if (plan.status === 'SUBMITTED') return;
    await this.attachSignedPact(sw, pact.id);
    await fire('ACTIVE');

    for (const [k, m] of plan.milestones.entries()) {
      if (m.status === 'PENDING') continue;
      const current = await this.milestones.get(sw, milestoneIds[k]);
      const achievedAt =
        m.status === 'ACHIEVED'
          ? m.dueDate < today
            ? addDays(m.dueDate, -between(rng, 0, 5))
            : today
          : null;
      await this.milestones.update(
        author,
        current.id,
        dto(UpdateMilestoneDto, {
          title: current.title,
          dueDate: current.dueDate,
          status: m.status,
          achievedAt,
          evidence:
            m.status === 'ACHIEVED' ? 'Verificato nell’incontro con il community maker.' : null,
          version: current.version,
        }),
      );
    }
    for (const [k, n] of plan.notes.entries()) {
      const occurredAt = new Date(noteTimes[k]).toISOString();
      await this.notes.create(
        author,
        dto(CreateNoteDto, { pactId: pact.id, kind: n.kind, body: n.body, occurredAt }),
      );
    }
    if (plan.reassign && makers.length > 1) {
      const next = makers.find((m) => m.id !== maker.id)!;
      await this.assignment.assign(sw, pact.id, {
        communityMakerId: next.id,
        reason: 'Cambio di laboratorio, più vicino a casa della persona',
      });
    }
    if (plan.status === 'SUSPENDED') await fire('SUSPENDED', plan.reason);
    if (plan.status === 'COMPLETED') await fire('COMPLETED', plan.reason, plan.outcome);
    if (plan.status === 'TERMINATED') await fire('TERMINATED', plan.reason, plan.outcome);
  }

  /**
   * The signed copy approval asks for: the pact's own PDF as the social worker prints it,
   * uploaded by them as a SIGNED_PACT document (audited like any upload).
   */
  private async attachSignedPact(sw: Caller, pactId: number): Promise<void> {
    const { filename, pdf } = await this.pactDocument.document(sw, pactId);
    const pieces: Buffer[] = [];
    for await (const piece of pdf as AsyncIterable<Buffer>) pieces.push(piece);
    await this.documents.create(sw, {
      ownerType: 'pacts',
      ownerId: pactId,
      kind: 'SIGNED_PACT',
      fileName: filename.replace(/\.pdf$/, '-firmato.pdf'),
      mediaType: 'application/pdf',
      content: bufferContent(Buffer.concat(pieces)),
    });
  }
}
