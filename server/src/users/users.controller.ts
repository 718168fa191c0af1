import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { ConflictError } from '../common/domain-error';
import { ListQueryDto, mapList } from '../common/list-endpoint';
import { Route } from '../common/routes';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { StoredUserRecord, toUserRecord, UserRecord } from './user.record';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** The record with its load (`openPacts`). */
  private async withLoad(record: StoredUserRecord): Promise<UserRecord> {
    const [withLoad] = await this.users.withOpenPacts([record]);
    return withLoad;
  }

  @Route.list(
    'users',
    'The account directory; filter by role, active, territoryIds (contains), q on name and email',
    ['pick'],
  )
  async list(@Query() query: ListQueryDto) {
    const page = mapList(await this.users.list(query), toUserRecord);
    return { ...page, rows: await this.users.withOpenPacts(page.rows) };
  }

  @Route.show('users', undefined, ['pick'])
  async one(@Route.id() id: number) {
    return this.withLoad(toUserRecord(await this.users.get(id)));
  }

  @Route.create(
    'users',
    'Creates an account; a SOCIAL_WORKER or COMMUNITY_MAKER needs at least one territory (400, territoryIds MIN_ITEMS {min: 1}). Without `password` the user is mailed an invitation to choose one (a link valid 72 hours, once); with one, they must change it at first sign-in (mustChangePassword)',
  )
  async create(@CurrentUser() caller: Caller, @Body() body: CreateUserDto) {
    return this.withLoad(await this.users.create(caller, body));
  }

  @Route.update(
    'users',
    'Edits an account. A SOCIAL_WORKER or COMMUNITY_MAKER needs at least one territory (400, territoryIds MIN_ITEMS {min: 1}). Deactivating one who still holds open pacts, changing their role, or removing a territory of their open pacts is a 409 USER_HOLDS_OPEN_PACTS with the count and the `field` (hand them over first)',
  )
  async update(@CurrentUser() caller: Caller, @Route.id() id: number, @Body() body: UpdateUserDto) {
    return this.withLoad(await this.users.update(caller, id, body));
  }

  @Post(':id/invitation')
  @Can('users', 'edit')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Mails the user a new invitation to choose their password (a link valid 72 hours, once); the links sent before stop working. Audited (invitation)',
  })
  @ApiAcceptedResponse({ description: '`{expiresAt}`: when the new link expires' })
  @ApiConflictResponse({ description: 'USER_INACTIVE: the account is deactivated' })
  invite(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return this.users.sendInvitation(caller, id);
  }

  @Route.remove(
    'users',
    'Always 409: accounts are deactivated (active=false), never deleted, so the trail keeps its actors',
  )
  async remove(@Route.id() id: number): Promise<never> {
    await this.users.get(id);
    throw new ConflictError(
      'USER_NOT_DELETABLE',
      { id },
      `users ${id}: accounts are deactivated (active: false), not deleted`,
    );
  }
}
