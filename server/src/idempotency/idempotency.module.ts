import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyKey } from './idempotency-key.entity';
import { IdempotencyStore } from './idempotency-store';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const IDEMPOTENCY_ENTITIES = [IdempotencyKey];

/**
 * The store of `Idempotency-Key`s; the application registers IdempotencyInterceptor as a
 * global interceptor beside the others (app.module.ts).
 */
@Module({
  imports: [TypeOrmModule.forFeature(IDEMPOTENCY_ENTITIES)],
  providers: [IdempotencyStore],
  exports: [IdempotencyStore],
})
export class IdempotencyModule {}
