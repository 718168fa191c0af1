import { Injectable } from '@nestjs/common';
import type { DigestPreview, ProfileRecord } from '@generattivi/shared';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { UnitOfWork } from '../common/unit-of-work';
import { updateVersioned } from '../common/versioned-update';
import { DigestService } from '../digest/digest.service';
import { User } from '../users/user.entity';
import type { UpdateProfileDto } from './dto/profile.dto';

function toProfileRecord(u: User): ProfileRecord {
  return {
    id: u.id,
    email: u.email,
    fullName: u.fullName,
    role: u.role,
    digestFrequency: u.digestFrequency,
  };
}

/** The caller's own account as they see and set it: the digest they receive. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly digest: DigestService,
  ) {}

  get(caller: Caller): Promise<ProfileRecord> {
    return this.uow.run(async (tx) =>
      toProfileRecord(await tx.findOneByOrFail(User, { id: caller.id })),
    );
  }

  update(caller: Caller, body: UpdateProfileDto): Promise<ProfileRecord> {
    return this.uow.run(async (tx) => {
      const current = await tx.findOneByOrFail(User, { id: caller.id });
      const changes = { digestFrequency: body.digestFrequency };
      if (await updateVersioned(tx, User, current.id, current.version, changes, current)) {
        await this.audit.append(tx, {
          actorId: caller.id,
          action: 'update',
          entityType: 'users',
          entityId: current.id,
          changes: { digestFrequency: [current.digestFrequency, body.digestFrequency] },
        });
      }
      return toProfileRecord(await tx.findOneByOrFail(User, { id: caller.id }));
    });
  }

  /**
   * What the caller's digest would say today: as daily when they receive none or a daily
   * one, as weekly when weekly. `empty` when nothing would be sent.
   */
  async preview(caller: Caller): Promise<DigestPreview> {
    const user = await this.get(caller);
    const message = await this.digest.compose(
      caller,
      user.digestFrequency === 'weekly' ? 'weekly' : 'daily',
    );
    return message ? { empty: false, ...message } : { empty: true, subject: null, text: null };
  }
}
