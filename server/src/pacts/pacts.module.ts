import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Pact } from './pact.entity';
import { PactReferenceCounter } from './pact-reference-counter.entity';
import { PactCount } from './pact-count.entity';
import { BeneficiariesModule } from '../beneficiaries/beneficiaries.module';
import { HouseholdsModule } from '../households/households.module';
import { EligibilityController, PactsController } from './pacts.controller';
import { PactsService } from './pacts.service';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const PACT_ENTITIES = [Pact, PactReferenceCounter, PactCount];

@Module({
  imports: [TypeOrmModule.forFeature(PACT_ENTITIES), BeneficiariesModule, HouseholdsModule],
  controllers: [PactsController, EligibilityController],
  providers: [PactsService],
  exports: [PactsService, TypeOrmModule],
})
export class PactsModule {}
