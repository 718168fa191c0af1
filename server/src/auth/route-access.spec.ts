import {
  Controller,
  Delete,
  ExecutionContext,
  Get,
  Post,
  UnauthorizedException,
} from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { PACT_TRANSITION_ACTIONS } from '@generattivi/shared';
import { Test } from '@nestjs/testing';
import { ForbiddenError } from '../common/domain-error';
import { AnyRole, Can, Public, Refused, Roles } from './access.decorators';
import { AccessGuard } from './access.guard';
import {
  describeAccess,
  formatRouteTable,
  listRouteAccess,
  permissionProblems,
} from './route-access';
import type { Caller } from './caller';
import type { SessionsRepository } from './sessions.repository';
import type { TokensService } from './tokens.service';

@Controller('things')
class DeclaredController {
  @Get() @AnyRole() list() {}
  @Get(':id') @Roles('ADMIN', 'MANAGER') one() {}
  @Post() @Public() open() {}
  /** Not a route: no HTTP decorator. */
  helper() {}
}

@Controller('admin-things')
@Roles('ADMIN')
class ClassLevelController {
  @Get() list() {}
  @Delete(':id') @Roles('ADMIN', 'MANAGER') remove() {}
}

@Controller('forgotten')
class ForgottenController {
  @Get() list() {}
  @Post('do') @Roles('ADMIN') act() {}
}

describe(listRouteAccess.name, () => {
  it('lists every route with its declaration, and the undeclared ones as such', async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [DeclaredController, ClassLevelController, ForgottenController],
    }).compile();
    const routes = listRouteAccess(moduleRef.get(ModulesContainer), 'api');
    const table = Object.fromEntries(
      routes.map((r) => [`${r.method} ${r.path}`, describeAccess(r.access)]),
    );
    expect(table).toEqual({
      'GET /api/things': 'ADMIN, MANAGER, SOCIAL_WORKER, COMMUNITY_MAKER',
      'GET /api/things/:id': 'ADMIN, MANAGER',
      'POST /api/things': 'Public',
      'GET /api/admin-things': 'ADMIN',
      'DELETE /api/admin-things/:id': 'ADMIN, MANAGER',
      'GET /api/forgotten': 'UNDECLARED (denied to everyone)',
      'POST /api/forgotten/do': 'ADMIN',
    });
    expect(routes.filter((r) => !r.access).map((r) => `${r.controller}.${r.handler}`)).toEqual([
      'ForgottenController.list',
    ]);
    expect(formatRouteTable(routes)).toContain('GET /api/forgotten           → UNDECLARED');
    await moduleRef.close();
  });
});

@Controller('pacts')
class TablePactsController {
  @Get() @Can('pacts', 'list') list() {}
  @Delete(':id') @Can('pacts', 'delete') remove() {}
  @Post(':id/transitions') @Can('pacts', ...PACT_TRANSITION_ACTIONS) transition() {}
  @Post(':id/assign') @Can('pacts', 'assign') assign() {}
}

@Controller('notes')
class TableNotesController {
  @Delete(':id') @Refused('notes') remove() {}
}

@Controller('milestones')
class DriftingController {
  /** Names the wrong action for its path. */
  @Delete(':id') @Can('milestones', 'edit') remove() {}
  /** Roles typed by hand, the old way. */
  @Get() @Roles('ADMIN') list() {}
  /** Says "refused" where the table allows the action. */
  @Post() @Refused('milestones') create() {}
}

@Controller('beneficiaries')
class WidenedController {
  @Get(':id') @Can('beneficiaries', 'show') one() {}
}
// The roles of a declaration written before a change of the table.
Reflect.defineMetadata(
  'generattivi:access',
  { roles: ['ADMIN', 'MANAGER'], permission: { resource: 'beneficiaries', actions: ['show'] } },
  WidenedController.prototype.one,
);

describe(permissionProblems.name, () => {
  async function problemsOf(...controllers: (new () => object)[]) {
    const moduleRef = await Test.createTestingModule({ controllers }).compile();
    const problems = permissionProblems(
      listRouteAccess(moduleRef.get(ModulesContainer), 'api'),
      'api',
    );
    await moduleRef.close();
    return problems;
  }

  it('accepts routes that name their entry of the table, and the refused writes of an append-only collection', async () => {
    expect(await problemsOf(TablePactsController, TableNotesController)).toEqual([]);
  });

  it('reports the wrong action, roles by hand, a refusal the table contradicts and stale roles', async () => {
    expect(await problemsOf(DriftingController, WidenedController)).toEqual([
      'GET /api/beneficiaries/:id (WidenedController.one): lets in ADMIN, MANAGER, the table says ADMIN, MANAGER, SOCIAL_WORKER, COMMUNITY_MAKER',
      'GET /api/milestones (DriftingController.list): lists roles instead of naming an entry of the permission table',
      'POST /api/milestones (DriftingController.create): refused to everyone, but the table grants create',
      'DELETE /api/milestones/:id (DriftingController.remove): declares milestones.edit, its path means milestones.delete',
    ]);
  });

  it('the decorators take their roles from the table', async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [TablePactsController, TableNotesController],
    }).compile();
    const table = Object.fromEntries(
      listRouteAccess(moduleRef.get(ModulesContainer), 'api').map((r) => [
        `${r.method} ${r.path}`,
        describeAccess(r.access),
      ]),
    );
    await moduleRef.close();
    expect(table).toEqual({
      'GET /api/pacts': 'ADMIN, MANAGER, SOCIAL_WORKER, COMMUNITY_MAKER',
      'DELETE /api/pacts/:id': 'ADMIN, SOCIAL_WORKER',
      'POST /api/pacts/:id/transitions': 'ADMIN, SOCIAL_WORKER, COMMUNITY_MAKER',
      'POST /api/pacts/:id/assign': 'ADMIN, SOCIAL_WORKER',
      'DELETE /api/notes/:id': 'ADMIN, MANAGER, SOCIAL_WORKER, COMMUNITY_MAKER',
    });
  });
});

describe(AccessGuard.name, () => {
  const tokens = { verify: jest.fn() } as unknown as TokensService;
  const sessions = { caller: jest.fn() } as unknown as SessionsRepository;
  const guard = new AccessGuard(new Reflector(), tokens, sessions);

  function contextFor(
    controller: new () => object,
    handler: string,
    headers: Record<string, string> = {},
  ): ExecutionContext {
    const request = { headers };
    return {
      getHandler: () => (controller.prototype as Record<string, () => void>)[handler],
      getClass: () => controller,
      switchToHttp: () => ({ getRequest: () => request }),
    } as unknown as ExecutionContext;
  }

  beforeEach(() => jest.clearAllMocks());

  it('denies a route without a declaration to everyone, before looking at the token', async () => {
    await expect(
      guard.canActivate(contextFor(ForgottenController, 'list', { authorization: 'Bearer a.b.c' })),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(tokens.verify).not.toHaveBeenCalled();
  });

  it('lets a public route through without a token', async () => {
    await expect(guard.canActivate(contextFor(DeclaredController, 'open'))).resolves.toBe(true);
  });

  it('asks for a token on a declared route', async () => {
    await expect(
      guard.canActivate(contextFor(ClassLevelController, 'list')),
    ).rejects.toBeInstanceOf(UnauthorizedException);
  });

  it('applies the handler declaration over the controller one, and the controller one otherwise', async () => {
    const manager = { id: 2, role: 'MANAGER', territoryIds: [] };
    jest.mocked(tokens.verify).mockReturnValue({ sub: 2, tv: 0, jti: 'j', exp: 1, iat: 0 });
    jest.mocked(sessions.caller).mockResolvedValue(manager as unknown as Caller);
    const auth = { authorization: 'Bearer a.b.c' };
    await expect(guard.canActivate(contextFor(ClassLevelController, 'remove', auth))).resolves.toBe(
      true,
    );
    await expect(
      guard.canActivate(contextFor(ClassLevelController, 'list', auth)),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses a well-signed token that no longer stands (no caller for it)', async () => {
    const auth = { authorization: 'Bearer a.b.c' };
    jest.mocked(tokens.verify).mockReturnValue({ sub: 1, tv: 3, jti: 'j', exp: 1, iat: 0 });
    jest.mocked(sessions.caller).mockResolvedValue(undefined);
    await expect(
      guard.canActivate(contextFor(ClassLevelController, 'list', auth)),
    ).rejects.toBeInstanceOf(UnauthorizedException);
  });
});
