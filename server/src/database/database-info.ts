import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SQLITE_PRAGMAS } from './data-source-options';

/**
 * At start, reads back the SQLite settings that every connection must have (WAL, full
 * synchronous writes, foreign keys, busy timeout), logs them, and refuses to run without them.
 */
@Injectable()
export class DatabaseInfo implements OnApplicationBootstrap {
  private readonly logger = new Logger('Database');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.dataSource.options.type === 'postgres') {
      const [{ server_version: version }] = (await this.dataSource.query(
        'SHOW server_version',
      )) as Array<{ server_version: string }>;
      this.logger.log(`PostgreSQL ${version}`);
      return;
    }
    const read = async (name: keyof typeof SQLITE_PRAGMAS) => {
      const [row] = (await this.dataSource.query(`PRAGMA ${name}`)) as Array<
        Record<string, string | number>
      >;
      return row ? Object.values(row)[0] : undefined;
    };
    const actual = {
      journal_mode: await read('journal_mode'),
      synchronous: await read('synchronous'),
      foreign_keys: await read('foreign_keys'),
      busy_timeout: await read('busy_timeout'),
    };
    this.logger.log(
      `SQLite pragmas: ${Object.entries(actual)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
    );
    const wrong = Object.entries(SQLITE_PRAGMAS).filter(
      ([k, v]) => String(actual[k as keyof typeof actual]).toLowerCase() !== String(v),
    );
    const inMemory = (this.dataSource.options.database as string) === ':memory:';
    if (wrong.length && !(inMemory && wrong.every(([k]) => k === 'journal_mode'))) {
      throw new Error(
        `SQLite settings not applied: ${wrong.map(([k, v]) => `${k} is ${actual[k as keyof typeof actual]}, expected ${v}`).join('; ')}`,
      );
    }
  }
}
