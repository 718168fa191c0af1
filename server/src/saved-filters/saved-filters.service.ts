import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RESOURCES } from '@generattivi/shared';
import type { Caller } from '../auth/caller';
import { constraintViolation } from '../common/constraint-violation';
import { ConflictError, FieldsError, NotFoundError } from '../common/domain-error';
import { fieldError } from '../common/error-body';
import { columns } from '../common/list-columns';
import { listPage } from '../auth/scope';
import { defineListSpec, type RawListParams } from '../common/list-query';
import { assertNoReadOnlyOnCreate } from '../common/versioned-update';
import { CreateSavedFilterDto, MAX_SAVED_FILTER_CHARS } from './dto/saved-filter.dto';
import { SavedFilter } from './saved-filter.entity';
import { toSavedFilterRecord } from './saved-filter.record';

export const SAVED_FILTER_LIST = defineListSpec({
  resource: 'saved-filters',
  alias: 'sf',
  fields: columns('id:int resource:enum name:string createdAt:instant', {
    resource: { values: RESOURCES },
  }),
  search: [],
  defaultSort: ['name', 'ASC'],
});

/** The most saved filters one person keeps for one list. */
export const MAX_SAVED_FILTERS_PER_LIST = 50;

/** Each person's saved filters: only the owner lists, reads, creates and deletes them. */
@Injectable()
export class SavedFiltersService {
  constructor(@InjectRepository(SavedFilter) private readonly filters: Repository<SavedFilter>) {}

  private own(caller: Caller) {
    return this.filters
      .createQueryBuilder(SAVED_FILTER_LIST.alias)
      .where(`${SAVED_FILTER_LIST.alias}.userId = :owner`, { owner: caller.id });
  }

  list(caller: Caller, raw: RawListParams) {
    return listPage(this.own(caller), SAVED_FILTER_LIST, raw);
  }

  async get(caller: Caller, id: number): Promise<SavedFilter> {
    const found = await this.own(caller).andWhere('sf.id = :id', { id }).getOne();
    if (!found) throw new NotFoundError('saved-filters', id);
    return found;
  }

  async create(caller: Caller, body: CreateSavedFilterDto) {
    assertNoReadOnlyOnCreate(body, ['id', 'createdAt', 'updatedAt']);
    const name = body.name.trim();
    if (!name) throw new FieldsError({ name: fieldError('NOT_BLANK', {}, 'must not be blank') });
    const filter = JSON.stringify(body.filter);
    if (filter.length > MAX_SAVED_FILTER_CHARS)
      throw new FieldsError({
        filter: fieldError(
          'MAX_LENGTH',
          { max: MAX_SAVED_FILTER_CHARS },
          `must be at most ${MAX_SAVED_FILTER_CHARS} characters as JSON`,
        ),
      });
    const kept = await this.own(caller)
      .andWhere('sf.resource = :resource', { resource: body.resource })
      .getCount();
    if (kept >= MAX_SAVED_FILTERS_PER_LIST)
      throw new ConflictError(
        'TOO_MANY_SAVED_FILTERS',
        { max: MAX_SAVED_FILTERS_PER_LIST },
        `at most ${MAX_SAVED_FILTERS_PER_LIST} saved filters per list`,
      );
    try {
      const saved = await this.filters.save(
        this.filters.create({
          userId: caller.id,
          resource: body.resource,
          name,
          filter,
          sortField: body.sort?.field ?? null,
          sortOrder: body.sort?.order ?? null,
        }),
      );
      return toSavedFilterRecord(saved);
    } catch (error) {
      if (constraintViolation(error) !== 'unique') throw error;
      throw new ConflictError(
        'DUPLICATE_SAVED_FILTER',
        { name },
        `name: you already have a saved filter "${name}" for this list`,
      );
    }
  }

  async remove(caller: Caller, id: number) {
    const found = await this.get(caller, id);
    const record = toSavedFilterRecord(found);
    await this.filters.delete({ id: found.id, userId: caller.id });
    return record;
  }
}
