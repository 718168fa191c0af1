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

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    if (this.isPostgres) return this.dataSource.transaction('READ COMMITTED', work);
    const next = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = next.catch(() => undefined);
    return next;
  }
}
