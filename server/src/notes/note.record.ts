import type { Note as NoteRecord } from '@generattivi/shared';
import type { Note } from './note.entity';

export function toNoteRecord(n: Note): NoteRecord {
  return {
    id: n.id,
    pactId: n.pactId,
    authorId: n.authorId,
    kind: n.kind,
    occurredAt: n.occurredAt,
    body: n.body,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  } satisfies NoteRecord;
}
