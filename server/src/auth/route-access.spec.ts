import {
  Controller,
  Delete,
  ExecutionContext,
  Get,
  Post,
  UnauthorizedException,
} from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { Repository } from 'typeorm';
import { ForbiddenError } from '../common/domain-error';
import type { User } from '../users/user.entity';
import { AnyRole, Public, Roles } from './access.decorators';
import { AccessGuard } from './access.guard';
import { describeAccess, formatRouteTable, listRouteAccess } from './route-access';
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

describe(AccessGuard.name, () => {
  const tokens = { verify: jest.fn() } as unknown as TokensService;
  const users = { findOneBy: jest.fn() } as unknown as Repository<User>;
  const guard = new AccessGuard(new Reflector(), tokens, users);

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
    const manager = { id: 2, role: 'MANAGER', active: true, tokenVersion: 0, territoryIds: [] };
    jest.mocked(tokens.verify).mockResolvedValue({ sub: 2, tv: 0, jti: 'j', exp: 1, iat: 0 });
    jest.mocked(users.findOneBy).mockResolvedValue(manager as unknown as User);
    const auth = { authorization: 'Bearer a.b.c' };
    await expect(guard.canActivate(contextFor(ClassLevelController, 'remove', auth))).resolves.toBe(
      true,
    );
    await expect(
      guard.canActivate(contextFor(ClassLevelController, 'list', auth)),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses a valid token of a deactivated user or of an older token version', async () => {
    const auth = { authorization: 'Bearer a.b.c' };
    jest.mocked(tokens.verify).mockResolvedValue({ sub: 1, tv: 3, jti: 'j', exp: 1, iat: 0 });
    for (const user of [
      { id: 1, role: 'ADMIN', active: false, tokenVersion: 3 },
      { id: 1, role: 'ADMIN', active: true, tokenVersion: 4 },
      null,
    ]) {
      jest.mocked(users.findOneBy).mockResolvedValue(user as unknown as User);
      await expect(
        guard.canActivate(contextFor(ClassLevelController, 'list', auth)),
      ).rejects.toBeInstanceOf(UnauthorizedException);
    }
  });
});
