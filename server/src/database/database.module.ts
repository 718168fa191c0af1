import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { DatabaseInfo } from './database-info';
import { createDataSource } from './sqlite-bound-integers';
import { withStartupLock } from './startup-lock';
import { StatisticsRefresh } from './statistics-refresh';

/**
 * The connection: opened, migrated under the start-up lock, its settings checked at start,
 * its planner statistics refreshed (SQLite).
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: () => DataSourceOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: options,
          // Migrations run under the start-up lock: instances started together take turns.
          dataSourceFactory: async (resolved) => {
            const dataSource = await createDataSource(resolved!).initialize();
            await withStartupLock(dataSource, () => dataSource.runMigrations());
            return dataSource;
          },
        }),
      ],
      providers: [DatabaseInfo, StatisticsRefresh],
    };
  }
}
