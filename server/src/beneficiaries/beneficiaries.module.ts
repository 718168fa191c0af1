import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Beneficiary } from './beneficiary.entity';
import { PossibleDuplicate } from './possible-duplicate.entity';
import { BeneficiariesController } from './beneficiaries.controller';
import { BeneficiariesService } from './beneficiaries.service';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const BENEFICIARY_ENTITIES = [Beneficiary, PossibleDuplicate];

@Module({
  imports: [TypeOrmModule.forFeature(BENEFICIARY_ENTITIES)],
  controllers: [BeneficiariesController],
  providers: [BeneficiariesService],
  exports: [BeneficiariesService, TypeOrmModule],
})
export class BeneficiariesModule {}
