import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { ConflictError } from '../common/domain-error';
import { IdPipe } from '../common/id.pipe';
import { ListQueryDto, sendList } from '../common/list-endpoint';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { toUserRecord } from './user.record';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Can('users', 'list', 'pick')
  @ApiOperation({
    summary:
      'The account directory; filter by role, active, territoryIds (contains), q on name and email',
  })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendList(reply, 'users', await this.users.list(query), toUserRecord);
  }

  @Get(':id')
  @Can('users', 'show', 'pick')
  async one(@Param('id', IdPipe) id: number) {
    return toUserRecord(await this.users.get(id));
  }

  @Post()
  @Can('users', 'create')
  create(@CurrentUser() caller: Caller, @Body() body: CreateUserDto) {
    return this.users.create(caller, body);
  }

  @Put(':id')
  @Can('users', 'edit')
  update(
    @CurrentUser() caller: Caller,
    @Param('id', IdPipe) id: number,
    @Body() body: UpdateUserDto,
  ) {
    return this.users.update(caller, id, body);
  }

  @Delete(':id')
  @Can('users', 'delete')
  @ApiOperation({
    summary:
      'Always 409: accounts are deactivated (active=false), never deleted, so the trail keeps its actors',
  })
  async remove(@Param('id', IdPipe) id: number): Promise<never> {
    await this.users.get(id);
    throw new ConflictError(
      'USER_NOT_DELETABLE',
      { id },
      `users ${id}: accounts are deactivated (active: false), not deleted`,
    );
  }
}
