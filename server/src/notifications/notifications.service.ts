import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NOTIFICATION_KINDS, type NotificationRecord } from '@generattivi/shared';
import { DataSource, IsNull } from 'typeorm';
import type { Caller } from '../auth/caller';
import { applyScope, listPage } from '../auth/scope';
import { nowIso } from '../common/clock';
import { NotFoundError } from '../common/domain-error';
import { columns } from '../common/list-columns';
import { defineListSpec, type ListResult, type RawListParams } from '../common/list-query';
import { Pact } from '../pacts/pact.entity';
import { Notification } from './notification.entity';

export const NOTIFICATION_LIST = defineListSpec({
  resource: 'notifications',
  alias: 'n',
  fields: columns('id:int kind:enum pactId:int createdAt:instant readAt:instant', {
    kind: { values: NOTIFICATION_KINDS },
  }),
  search: [],
  defaultSort: ['id', 'DESC'],
});

/**
 * Each person's notifications: listed, counted and marked read by their reader alone
 * (another person's is not found). A notification about a pact the reader no longer sees
 * (the assignment ended, a territory taken away) is shown without the pact.
 */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private own(caller: Caller) {
    return this.dataSource
      .getRepository(Notification)
      .createQueryBuilder(NOTIFICATION_LIST.alias)
      .where(`${NOTIFICATION_LIST.alias}.userId = :owner`, { owner: caller.id });
  }

  async list(caller: Caller, raw: RawListParams): Promise<ListResult<NotificationRecord>> {
    const page = await listPage(this.own(caller), NOTIFICATION_LIST, raw);
    const visible = await this.visiblePacts(
      caller,
      page.rows.map((n) => n.pactId),
    );
    return {
      ...page,
      rows: page.rows.map((n) => toNotificationRecord(n, visible.has(n.pactId))),
    };
  }

  async unreadCount(caller: Caller): Promise<{ count: number }> {
    return { count: await this.own(caller).andWhere('n.readAt IS NULL').getCount() };
  }

  async markRead(caller: Caller, id: number): Promise<NotificationRecord> {
    const found = await this.own(caller).andWhere('n.id = :id', { id }).getOne();
    if (!found) throw new NotFoundError('notifications', id);
    if (found.readAt === null) {
      found.readAt = nowIso();
      await this.dataSource
        .getRepository(Notification)
        .update({ id, readAt: IsNull() }, { readAt: found.readAt });
    }
    const visible = await this.visiblePacts(caller, [found.pactId]);
    return toNotificationRecord(found, visible.has(found.pactId));
  }

  async markAllRead(caller: Caller): Promise<{ count: number }> {
    const result = await this.dataSource
      .getRepository(Notification)
      .update({ userId: caller.id, readAt: IsNull() }, { readAt: nowIso() });
    return { count: result.affected ?? 0 };
  }

  /** Of these pacts, the ids the caller may see now. */
  private async visiblePacts(caller: Caller, ids: number[]): Promise<Set<number>> {
    if (!ids.length) return new Set();
    const rows = await applyScope(
      this.dataSource.getRepository(Pact).createQueryBuilder('p'),
      'pacts',
      'p',
      caller,
    )
      .select('p.id', 'id')
      .andWhere('p.id IN (:...notifiedIds)', { notifiedIds: [...new Set(ids)] })
      .getRawMany<{ id: number }>();
    return new Set(rows.map((r) => Number(r.id)));
  }
}

export function toNotificationRecord(n: Notification, pactVisible: boolean): NotificationRecord {
  return {
    id: n.id,
    kind: n.kind,
    pactId: pactVisible ? n.pactId : null,
    reference: pactVisible ? n.reference : null,
    createdAt: n.createdAt,
    readAt: n.readAt,
  };
}
