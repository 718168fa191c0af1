import { Controller, Get, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { Route } from '../common/routes';
import { PactDocumentService } from './pact-document.service';

@ApiTags('pacts')
@ApiBearerAuth()
@Controller('pacts')
export class PactDocumentController {
  constructor(private readonly documents: PactDocumentService) {}

  @Get(':id/document')
  @Can('pacts', 'print')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary:
      'The pact to sign, as a PDF (A4, Italian): parties, objectives, both sides’ commitments, milestones, duration, eligibility, privacy notice, signature lines',
    description:
      'Downloaded as `<reference>.pdf`. Each page’s footer carries its number ("Pagina 1 di 3") and the fingerprint of the pact at this version: the first 16 hex digits of the SHA-256 of the canonical JSON of the pact, its milestones and its parties. Scoped like `GET /pacts/:id` (404 outside the scope); MANAGER: 403, the document names people. It carries the parties’ fiscal codes, as the signed pact must; a COMMUNITY_MAKER prints it only while their assignment is open (a closed pact: 403 ASSIGNMENT_ENDED). Each download is an export in the audit trail, and the pact and the people it names are recorded in the access log (via pdf).',
  })
  @ApiOkResponse({
    description: 'The PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  async document(@CurrentUser() caller: Caller, @Route.id() id: number): Promise<StreamableFile> {
    const { filename, pdf } = await this.documents.document(caller, id);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="${filename}"`,
    });
  }
}
