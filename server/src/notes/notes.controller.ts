import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Can, Refused } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { IdPipe } from '../common/id.pipe';
import { ListQueryDto, sendList } from '../common/list-endpoint';
import { MethodNotAllowedError } from '../common/not-allowed';
import { CreateNoteDto } from './dto/note.dto';
import { toNoteRecord } from './note.record';
import { NotesService } from './notes.service';

const appendOnly = () =>
  new MethodNotAllowedError('notes are append-only: a correction is a new note');

@ApiTags('notes')
@ApiBearerAuth()
@Controller('notes')
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Get()
  @Can('notes', 'list')
  @ApiOperation({
    summary:
      'Diary notes of the pacts in scope; filter by pactId, kind, authorId, occurredAt_gte/_lte, q',
  })
  async list(
    @CurrentUser() caller: Caller,
    @Query() query: ListQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendList(reply, 'notes', await this.notes.list(caller, query), toNoteRecord);
  }

  @Get(':id')
  @Can('notes', 'show')
  async one(@CurrentUser() caller: Caller, @Param('id', IdPipe) id: number) {
    return toNoteRecord(await this.notes.get(caller, id));
  }

  @Post()
  @Can('notes', 'create')
  @ApiOperation({ summary: 'Adds a note (also to closed pacts); the author is the caller' })
  create(@CurrentUser() caller: Caller, @Body() body: CreateNoteDto) {
    return this.notes.create(caller, body);
  }

  @Put(':id')
  @Refused('notes')
  @ApiOperation({ summary: 'Always 405: notes are append-only' })
  update(): never {
    throw appendOnly();
  }

  @Patch(':id')
  @Refused('notes')
  @ApiOperation({ summary: 'Always 405: notes are append-only' })
  patch(): never {
    throw appendOnly();
  }

  @Delete(':id')
  @Refused('notes')
  @ApiOperation({ summary: 'Always 405: notes are append-only' })
  remove(): never {
    throw appendOnly();
  }
}
