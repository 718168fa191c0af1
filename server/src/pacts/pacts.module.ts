import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Pact } from './pact.entity';
import { PactReferenceCounter } from './pact-reference-counter.entity';
import { PactCount } from './pact-count.entity';
import { AssignmentsModule } from '../assignments/assignments.module';
import { BeneficiariesModule } from '../beneficiaries/beneficiaries.module';
import { HouseholdsModule } from '../households/households.module';
import { PactTemplatesModule } from '../pact-templates/pact-templates.module';
import { EligibilityService } from './eligibility.service';
import { PactTransitionsService } from './pact-transitions.service';
import { EligibilityController, PactsController } from './pacts.controller';
import { PactsService } from './pacts.service';
import { PactsRepository } from './pacts.repository';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const PACT_ENTITIES = [Pact, PactReferenceCounter, PactCount];

@Module({
  imports: [
    TypeOrmModule.forFeature(PACT_ENTITIES),
    BeneficiariesModule,
    HouseholdsModule,
    AssignmentsModule,
    PactTemplatesModule,
  ],
  controllers: [PactsController, EligibilityController],
  providers: [PactsService, PactsRepository, EligibilityService, PactTransitionsService],
  exports: [PactsService, PactTransitionsService, AssignmentsModule, TypeOrmModule],
})
export class PactsModule {}
