import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PactTemplate } from './pact-template.entity';
import { PactTemplatesController } from './pact-templates.controller';
import { PactTemplatesService } from './pact-templates.service';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const PACT_TEMPLATE_ENTITIES = [PactTemplate];

@Module({
  imports: [TypeOrmModule.forFeature(PACT_TEMPLATE_ENTITIES)],
  controllers: [PactTemplatesController],
  providers: [PactTemplatesService],
  exports: [PactTemplatesService],
})
export class PactTemplatesModule {}
