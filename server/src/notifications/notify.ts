import type { NotificationKind } from '@generattivi/shared';
import type { EntityManager } from 'typeorm';
import { nowIso } from '../common/clock';
import { User } from '../users/user.entity';
import { Notification } from './notification.entity';

/**
 * Tells each of `userIds` (but the one who acted, and each once) about the pact, inside the
 * unit of work of the event: the notification exists exactly when the event does.
 */
export async function notify(
  tx: EntityManager,
  kind: NotificationKind,
  pact: { id: number; reference: string },
  userIds: Iterable<number | null | undefined>,
  actorId: number | null,
): Promise<void> {
  const readers = [...new Set(userIds)].filter(
    (id): id is number => typeof id === 'number' && id !== actorId,
  );
  if (!readers.length) return;
  const createdAt = nowIso();
  await tx.insert(
    Notification,
    readers.map((userId) => ({
      userId,
      kind,
      pactId: pact.id,
      reference: pact.reference,
      createdAt,
      readAt: null,
    })),
  );
}

/**
 * Who hears that a pact went back to draft: the social worker who follows it (or, when none
 * is named, every active social worker of its territory: one of them will take it up) and
 * the community maker assigned to it, who prepares it with them. The manager who sent it
 * back knows already.
 */
export async function sentBackReaders(
  tx: EntityManager,
  pact: { territoryId: number; socialWorkerId: number | null; communityMakerId: number | null },
): Promise<number[]> {
  const readers = [pact.communityMakerId];
  if (pact.socialWorkerId !== null) readers.push(pact.socialWorkerId);
  else {
    const workers = await tx.find(User, {
      where: { role: 'SOCIAL_WORKER', active: true },
      select: { id: true, territoryIds: true },
    });
    readers.push(
      ...workers.filter((w) => w.territoryIds.includes(pact.territoryId)).map((w) => w.id),
    );
  }
  return readers.filter((id): id is number => id !== null);
}
