import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  composeDigest,
  DIGEST_SECTION_LINES,
  digestEndingHorizon,
  digestMilestoneHorizon,
  noRecentNoteBefore,
  todayIso,
  type DigestFrequency,
  type DigestMessage,
  type DigestSection,
  type DigestSectionKey,
} from '@generattivi/shared';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../auth/caller';
import { applyScope } from '../auth/scope';
import { clockRunsSql, lastDiaryActivitySql, noRecentNoteSql } from '../common/deadline-sql';
import { AppConfig, CONFIG } from '../config/config';
import { readRawMany } from '../database/sqlite-reader';
import { Milestone } from '../milestones/milestone.entity';
import { Pact } from '../pacts/pact.entity';
import { Territory } from '../territories/territory.entity';

/** A person the digest is for: their account, read as the API would read it for them. */
export type DigestReader = Pick<Caller, 'id' | 'role' | 'territoryIds'>;

/**
 * What one person's digest says, read with their scope (auth/scope.ts, as the alerts are):
 * each section's first DIGEST_SECTION_LINES pacts and its count, then the text composed by
 * shared's composeDigest. Only the pact's id, reference, territory name and one date are read.
 */
@Injectable()
export class DigestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /** The digest for `reader` on the day of `now`, or null when there is nothing to say. */
  async compose(
    reader: DigestReader,
    frequency: Exclude<DigestFrequency, 'none'>,
    now = new Date(),
  ): Promise<DigestMessage | null> {
    const today = todayIso(now);
    return composeDigest({
      frequency,
      today,
      publicUrl: this.config.publicUrl,
      sections: await this.sections(reader, today, now),
    });
  }

  async sections(
    reader: DigestReader,
    today: string,
    now: Date,
  ): Promise<Record<DigestSectionKey, DigestSection>> {
    const caller = { ...reader, email: '', fullName: '', jti: '', tokenExpiresAt: 0 };
    const pacts = () =>
      applyScope(
        this.dataSource.getRepository(Pact).createQueryBuilder('p'),
        'pacts',
        'p',
        caller,
      ).innerJoin(Territory, 't', 't.id = p.territoryId');
    const queries: Record<DigestSectionKey, [SelectQueryBuilder<Pact>, string]> = {
      awaitingApproval: [pacts().andWhere("p.status = 'SUBMITTED'"), 'p.submittedAt'],
      milestonesDue: [
        pacts()
          .innerJoin(Milestone, 'm', 'm.pactId = p.id')
          .andWhere(`m.status = 'PENDING' AND m.dueDate <= :horizon AND ${clockRunsSql('p')}`, {
            horizon: digestMilestoneHorizon(today),
          }),
        'm.dueDate',
      ],
      noRecentNote: [
        pacts().andWhere(noRecentNoteSql('p'), { noNoteBefore: noRecentNoteBefore(now) }),
        lastDiaryActivitySql('p'),
      ],
      ending: [
        pacts().andWhere("p.status = 'ACTIVE' AND p.plannedEndDate <= :endHorizon", {
          endHorizon: digestEndingHorizon(today),
        }),
        'p.plannedEndDate',
      ],
    };
    const entries = await Promise.all(
      Object.entries(queries).map(async ([key, [qb, date]]) => {
        const rows = await readRawMany<{
          pact_id: unknown;
          reference: unknown;
          territory: unknown;
          since: unknown;
          total: unknown;
        }>(
          qb
            .select('p.id', 'pact_id')
            .addSelect('p.reference', 'reference')
            .addSelect('t.name', 'territory')
            .addSelect(date, 'since')
            .addSelect('COUNT(*) OVER ()', 'total')
            .orderBy(date, 'ASC')
            .addOrderBy('p.id', 'ASC')
            .limit(DIGEST_SECTION_LINES),
        );
        const section: DigestSection = {
          total: rows.length ? Number(rows[0].total) : 0,
          items: rows.map((r) => ({
            pactId: Number(r.pact_id),
            reference: String(r.reference),
            territory: String(r.territory),
            date: String(r.since),
          })),
        };
        return [key, section] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<DigestSectionKey, DigestSection>;
  }
}
