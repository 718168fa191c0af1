import { Module } from '@nestjs/common';
import { BeneficiariesModule } from '../beneficiaries/beneficiaries.module';
import { DocumentsModule } from '../documents/documents.module';
import { SubjectAccessController } from './subject-access.controller';
import { SubjectAccessService } from './subject-access.service';

/** A person's access request (GDPR art. 15): reads through the features, owns no entity. */
@Module({
  imports: [BeneficiariesModule, DocumentsModule],
  controllers: [SubjectAccessController],
  providers: [SubjectAccessService],
})
export class SubjectAccessModule {}
