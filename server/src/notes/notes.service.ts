import { Injectable } from '@nestjs/common';
import { italianDate, NOTE_KINDS, noteTimeProblem } from '@generattivi/shared';
import type { Caller } from '../auth/caller';
import { noSuchRecord } from '../auth/scope';
import { FieldsError } from '../common/domain-error';
import { columns } from '../common/list-columns';
import { defineListSpec } from '../common/list-query';
import { ReadInScope } from '../common/read-in-scope';
import { assertNoReadOnlyOnCreate } from '../common/versioned-update';
import { nowIso } from '../common/clock';
import { Pact } from '../pacts/pact.entity';
import { lockPact } from '../pacts/pact-lock';
import { PactsService } from '../pacts/pacts.service';
import { CreateNoteDto } from './dto/note.dto';
import { Note } from './note.entity';
import { toNoteRecord } from './note.record';
import { fieldError } from '../common/error-body';

export const NOTE_LIST = defineListSpec({
  resource: 'notes',
  alias: 'n',
  fields: columns('id:int pactId:int authorId:int kind:enum occurredAt:instant createdAt:instant', {
    kind: { values: NOTE_KINDS },
  }),
  search: ['body'],
  searchIndex: 'notes',
  defaultSort: ['occurredAt', 'DESC'],
});

/** Allowed clock drift between a client and the server for "when it happened". */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** The diary: append-only; notes may be added to closed pacts too. */
@Injectable()
export class NotesService extends ReadInScope(Note, NOTE_LIST, 'pact-children') {
  constructor(private readonly pacts: PactsService) {
    super();
  }

  async create(caller: Caller, body: CreateNoteDto) {
    assertNoReadOnlyOnCreate(body, ['id', 'authorId', 'createdAt', 'updatedAt']);
    const occurredAt = body.occurredAt ? new Date(body.occurredAt).toISOString() : nowIso();
    if (noteTimeProblem(Date.parse(occurredAt), -Infinity, Date.now(), CLOCK_SKEW_MS))
      throw new FieldsError({
        occurredAt: fieldError('NOT_FUTURE', {}, 'cannot be in the future'),
      });
    if (!body.body.trim())
      throw new FieldsError({ body: fieldError('NOT_BLANK', {}, 'must not be blank') });
    return this.uow.run(async (tx) => {
      // The pact's row first: lastNoteAt below is read, compared and written.
      await lockPact(tx, body.pactId);
      const pact = await this.pacts.findVisible(caller, body.pactId, tx).catch(() => {
        throw new FieldsError({ pactId: noSuchRecord('pacts', body.pactId, 'pact') });
      });
      // Nothing of a pact happened before it existed (the minute it was created in counts).
      if (
        noteTimeProblem(
          Date.parse(occurredAt),
          Date.parse(pact.createdAt),
          Date.now(),
          CLOCK_SKEW_MS,
        ) === 'NOT_BEFORE'
      )
        throw new FieldsError({
          occurredAt: fieldError(
            'NOT_BEFORE',
            { date: italianDate(pact.createdAt) },
            `must not be before the pact's creation (${pact.createdAt})`,
          ),
        });
      const note = await tx.save(
        tx.create(Note, {
          pactId: pact.id,
          authorId: caller.id,
          kind: body.kind,
          occurredAt,
          body: body.body.trim(),
        }),
      );
      if (!pact.lastNoteAt || pact.lastNoteAt < occurredAt)
        await tx.update(Pact, { id: pact.id }, { lastNoteAt: occurredAt });
      const record = toNoteRecord(note);
      await this.audit.created(tx, caller.id, 'notes', note.id, {
        pactId: record.pactId,
        kind: record.kind,
        occurredAt: record.occurredAt,
        body: record.body,
      });
      return record;
    });
  }
}
