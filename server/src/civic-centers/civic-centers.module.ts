import { Module } from '@nestjs/common';
import { CivicCentersController } from './civic-centers.controller';
import { CivicCentersService } from './civic-centers.service';

@Module({
  controllers: [CivicCentersController],
  providers: [CivicCentersService],
  exports: [CivicCentersService],
})
export class CivicCentersModule {}
