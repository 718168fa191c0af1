import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentUser } from '../auth/caller';
import { ListQueryDto, mapList } from '../common/list-endpoint';
import { RefusedWrites, Route } from '../common/routes';
import { MethodNotAllowedError } from '../common/not-allowed';
import { CreateNoteDto } from './dto/note.dto';
import { toNoteRecord } from './note.record';
import { NotesService } from './notes.service';

const appendOnly = () =>
  new MethodNotAllowedError('notes are append-only: a correction is a new note');

@ApiTags('notes')
@ApiBearerAuth()
@Controller('notes')
@RefusedWrites('notes', appendOnly, {
  update: 'Always 405: notes are append-only',
  patch: 'Always 405: notes are append-only',
  remove: 'Always 405: notes are append-only',
})
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Route.list(
    'notes',
    'Diary notes of the pacts in scope; filter by pactId, kind, authorId, occurredAt_gte/_lte, q',
  )
  async list(@CurrentUser() caller: Caller, @Query() query: ListQueryDto) {
    return mapList(await this.notes.list(caller, query), toNoteRecord);
  }

  @Route.show('notes')
  async one(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return toNoteRecord(await this.notes.get(caller, id));
  }

  @Route.create('notes', 'Adds a note (also to closed pacts); the author is the caller')
  create(@CurrentUser() caller: Caller, @Body() body: CreateNoteDto) {
    return this.notes.create(caller, body);
  }
}
