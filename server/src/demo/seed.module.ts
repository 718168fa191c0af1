import { Module } from '@nestjs/common';
import { BeneficiariesModule } from '../beneficiaries/beneficiaries.module';
import { CivicCentersModule } from '../civic-centers/civic-centers.module';
import { CommunityLabsModule } from '../community-labs/community-labs.module';
import { DocumentsModule } from '../documents/documents.module';
import { HouseholdsModule } from '../households/households.module';
import { MilestonesModule } from '../milestones/milestones.module';
import { NotesModule } from '../notes/notes.module';
import { PactDocumentModule } from '../pact-document/pact-document.module';
import { PactTemplatesModule } from '../pact-templates/pact-templates.module';
import { PactsModule } from '../pacts/pacts.module';
import { DemoLoader } from './demo-loader';
import { SeedService } from './seed.service';

/** The modules whose records the demo data set writes (their services). */
export const SEEDED_MODULES = [
  BeneficiariesModule,
  HouseholdsModule,
  CommunityLabsModule,
  CivicCentersModule,
  PactTemplatesModule,
  PactsModule,
  MilestonesModule,
  NotesModule,
  DocumentsModule,
  PactDocumentModule,
];

/** Reference data at every start; the demo data set on an empty database with DEMO_DATA. */
@Module({
  imports: SEEDED_MODULES,
  providers: [SeedService, DemoLoader],
})
export class SeedModule {}
