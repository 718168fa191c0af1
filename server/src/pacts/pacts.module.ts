import { Module } from '@nestjs/common';
import { EligibilityController, PactsController } from './pacts.controller';
import { PactsService } from './pacts.service';

@Module({
  controllers: [PactsController, EligibilityController],
  providers: [PactsService],
  exports: [PactsService],
})
export class PactsModule {}
