import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { scopeKey } from '../auth/scope';
import type { RawListParams } from '../common/list-query';
import { ResultCache } from '../common/result-cache';
import { AlertsService } from './alerts.service';

/** The alerts as the API serves them: from the result cache, keyed by scope and query. */
@Injectable()
export class AlertFeed {
  constructor(
    private readonly alerts: AlertsService,
    private readonly cache: ResultCache,
  ) {}

  list(caller: Caller, query: RawListParams) {
    const { filter, sort, range } = query;
    const key = `alerts:${scopeKey(caller)}:${JSON.stringify([filter, sort, range])}`;
    return this.cache.get(key, () => this.alerts.list(caller, query));
  }
}
