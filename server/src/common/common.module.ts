import { Global, Module } from '@nestjs/common';
import { Admission } from './admission';
import { ResultCache } from './result-cache';
import { UnitOfWork } from './unit-of-work';

/** The unit of work, the result cache and admission control, for every feature. */
@Global()
@Module({
  providers: [UnitOfWork, ResultCache, Admission],
  exports: [UnitOfWork, ResultCache, Admission],
})
export class CommonModule {}
