import { Controller, Get, Inject, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { DOCUMENT_KINDS, DOCUMENT_OWNER_TYPES } from '@generattivi/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { ListQueryDto, mapList } from '../common/list-endpoint';
import { Route } from '../common/routes';
import { AppConfig, CONFIG } from '../config/config';
import { toDocumentRecord } from './document.record';
import { DocumentsService } from './documents.service';
import { attachmentDisposition } from './file-name';
import { DocumentTooLargeError, readUpload } from './upload';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  @Route.list(
    'documents',
    'Documents in scope, metadata only; filter by ownerType and ownerId (a maker never sees identity documents nor ISEE certificates)',
  )
  async list(@CurrentUser() caller: Caller, @Query() query: ListQueryDto) {
    return mapList(await this.documents.list(caller, query), toDocumentRecord);
  }

  @Route.show('documents', 'A document’s metadata (404 when its owner is out of scope)')
  async one(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return toDocumentRecord(await this.documents.get(caller, id));
  }

  @Get(':id/content')
  @Can('documents', 'download')
  @ApiProduces(...['application/pdf', 'image/jpeg', 'image/png', 'image/webp'])
  @ApiOperation({
    summary: 'The document’s bytes, as uploaded, downloaded as an attachment',
    description:
      'Scoped like `GET /documents/:id` (404 outside the scope); MANAGER: 403, managers read the metadata only.',
  })
  @ApiOkResponse({
    description: 'The file',
    content: Object.fromEntries(
      ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'].map((type) => [
        type,
        { schema: { type: 'string', format: 'binary' } },
      ]),
    ),
  })
  async content(
    @CurrentUser() caller: Caller,
    @Route.id() id: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { document, content } = await this.documents.content(caller, id);
    void reply.header('x-content-type-options', 'nosniff');
    return new StreamableFile(content, {
      type: document.mediaType,
      disposition: attachmentDisposition(document.fileName),
      length: document.sizeBytes,
    });
  }

  @Route.create(
    'documents',
    'Uploads a document (multipart/form-data, streamed to a temporary file, never whole in memory): PDF, JPEG, PNG or WebP, decided from its bytes (415 otherwise), at most DOCUMENT_MAX_BYTES (413 as soon as it passes it); a maker adds only EVIDENCE to their pacts and milestones',
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'ownerType', 'ownerId', 'kind'],
      properties: {
        ownerType: { type: 'string', enum: [...DOCUMENT_OWNER_TYPES] },
        ownerId: { type: 'integer', minimum: 1 },
        kind: { type: 'string', enum: [...DOCUMENT_KINDS] },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  async create(
    @CurrentUser() caller: Caller,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return readUpload(request, this.config.documentMaxBytes, (upload) =>
      this.documents.create(caller, upload),
    ).catch((e: unknown) => {
      // The rest of a refused body is never read: the connection closes after the answer.
      if (e instanceof DocumentTooLargeError) void reply.header('connection', 'close');
      throw e;
    });
  }

  @Route.remove(
    'documents',
    'Removes a mistaken upload (whoever writes its owner; a maker only EVIDENCE); the audit trail keeps its name, size and hash. The only SIGNED_PACT of a pact that was approved (ACTIVE, SUSPENDED, COMPLETED, TERMINATED) is kept: 409 LAST_SIGNED_PACT',
  )
  remove(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return this.documents.remove(caller, id);
  }
}
