import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Caller } from '../auth/caller';
import { nowIso } from '../database/columns';
import { AccessLogEntry } from './access-log.entity';

@Injectable()
export class AccessLogService {
  constructor(@InjectRepository(AccessLogEntry) private readonly log: Repository<AccessLogEntry>) {}

  /** Records that the caller read one record; only who, what and when. */
  async recordRead(
    caller: Caller,
    entityType: 'beneficiaries' | 'households' | 'pacts',
    entityId: number,
  ): Promise<void> {
    await this.log.insert({ at: nowIso(), actorId: caller.id, entityType, entityId });
  }
}
