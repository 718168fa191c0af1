import { Global, Module } from '@nestjs/common';
import { ResultCache } from './result-cache';
import { UnitOfWork } from './unit-of-work';

/** The unit of work and the result cache, for every feature. */
@Global()
@Module({ providers: [UnitOfWork, ResultCache], exports: [UnitOfWork, ResultCache] })
export class CommonModule {}
