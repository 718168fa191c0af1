import { Controller, Get, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { Route } from '../common/routes';
import { attachmentDisposition } from '../documents/file-name';
import { SubjectAccessService } from './subject-access.service';

@ApiTags('beneficiaries')
@ApiBearerAuth()
@Controller('beneficiaries')
export class SubjectAccessController {
  constructor(private readonly subjectAccess: SubjectAccessService) {}

  @Get(':id/subject-access')
  @Can('beneficiaries', 'subject-access')
  @ApiProduces('application/zip')
  @ApiOperation({
    summary:
      'Everything held about a person (GDPR art. 15), as a ZIP: riepilogo.pdf, dati.json and documenti/',
    description:
      'ADMIN only (403 otherwise; 404 for an unknown person). Downloaded as `dati-interessato-<surname>-<date>.zip`. `dati.json`: the person, their household, their pacts and their household’s (each with its milestones, notes and assignments), the metadata of the documents of all of these, who read the person, their household and their pacts (access log) and the audit events about each of these records. `riepilogo.pdf`: the same in readable Italian (the first 20 pacts and the first 200 items of each list, saying where the rest is). `documenti/<id>-<name>`: the documents’ files. Written as it is read; the request is an export in the audit trail, and the person, their household and their pacts are recorded in the access log.',
  })
  @ApiOkResponse({
    description: 'The ZIP',
    content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
  })
  async export(@CurrentUser() caller: Caller, @Route.id() id: number): Promise<StreamableFile> {
    const { fileName, zip } = await this.subjectAccess.export(caller, id);
    return new StreamableFile(zip, {
      type: 'application/zip',
      disposition: attachmentDisposition(fileName),
    });
  }
}
