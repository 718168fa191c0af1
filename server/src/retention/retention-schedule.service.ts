import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { anonymiseOn, type RetentionScheduleEntry } from '@generattivi/shared';
import { Repository } from 'typeorm';
import { listPage } from '../auth/scope';
import { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { columns } from '../common/list-columns';
import { defineListSpec, ListResult, RawListParams } from '../common/list-query';
import { AppConfig, CONFIG } from '../config/config';

/**
 * `GET /retention-schedule`: the people whose term runs (no open pact, not anonymised), read
 * through the index on (retention_from, id). `anonymiseOn` is `retentionFrom` plus
 * RETENTION_YEARS, so it sorts as that column; it is not filtered on (the years shift dates).
 */
export const RETENTION_SCHEDULE_LIST = defineListSpec({
  resource: 'retention-schedule',
  alias: 'b',
  fields: {
    ...columns('id:int firstName:string lastName:string', {
      firstName: { sort: false },
      lastName: { sort: false },
    }),
    lastPactClosedAt: { column: 'lastPactClosedOn', type: 'date', sort: false },
    anonymiseOn: { column: 'retentionFrom', type: 'date', filter: false, range: false },
  },
  defaultSort: ['anonymiseOn', 'ASC'],
});

@Injectable()
export class RetentionScheduleService {
  constructor(
    @InjectRepository(Beneficiary) private readonly beneficiaries: Repository<Beneficiary>,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  list(raw: RawListParams): Promise<ListResult<Beneficiary>> {
    const qb = this.beneficiaries
      .createQueryBuilder('b')
      .where('b.retentionFrom IS NOT NULL')
      .andWhere('b.anonymisedAt IS NULL');
    return listPage(qb, RETENTION_SCHEDULE_LIST, raw);
  }

  toEntry = (b: Beneficiary): RetentionScheduleEntry => ({
    id: b.id,
    firstName: b.firstName,
    lastName: b.lastName,
    lastPactClosedAt: b.lastPactClosedOn,
    anonymiseOn: anonymiseOn(b.retentionFrom!, this.config.retentionYears),
  });
}
