import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a piece of work in one database transaction: the change and its audit event
 * commit together or not at all.
 *
 * SQLite has one connection in this process, and TypeORM would nest two concurrent
 * transactions on it as savepoints of each other; so on SQLite transactions are queued
 * and run one at a time (SQLite allows one writer anyway). PostgreSQL runs them in
 * parallel on pooled connections, with row locks where the work needs them.
 */
@Injectable()
export class UnitOfWork {
  private tail: Promise<unknown> = Promise.resolve();
  /** Transactions finished (committed or rolled back) by this process: cached reads compare it. */
  commits = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const counted = () => {
      this.commits++;
    };
    if (this.isPostgres)
      return this.dataSource.transaction('READ COMMITTED', work).finally(counted);
    const next = this.tail.then(() => this.dataSource.transaction(work)).finally(counted);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
