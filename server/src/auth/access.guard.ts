import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from '../common/domain-error';
import { ACCESS_KEY, AccessRule } from './access.decorators';
import type { RequestWithCaller } from './caller';
import { SessionsRepository } from './sessions.repository';
import { TokensService } from './tokens.service';

const UNAUTHORIZED = 'authentication required: send a valid Bearer token';

/**
 * Deny by default: a route without an access declaration answers 403 to everyone;
 * a route with roles needs a valid token of an active user with one of those roles.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
    private readonly sessions: SessionsRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new ForbiddenError('FORBIDDEN', {}, 'this route declares no access rule');
    if ('public' in rule) return true;

    const request = context
      .switchToHttp()
      .getRequest<RequestWithCaller & { headers: Record<string, string | undefined> }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(header);
    if (!match) throw new UnauthorizedException(UNAUTHORIZED);
    const claims = this.tokens.verify(match[1]);
    if (!claims) throw new UnauthorizedException(UNAUTHORIZED);
    const caller = await this.sessions.caller(claims);
    if (!caller) throw new UnauthorizedException(UNAUTHORIZED);
    request.caller = caller;
    if (!rule.roles.includes(caller.role))
      throw new ForbiddenError(
        'ROLE_FORBIDDEN',
        { role: caller.role },
        `role ${caller.role} may not do this`,
      );
    return true;
  }
}
