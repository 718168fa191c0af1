import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from '../common/domain-error';
import { ACCESS_KEY, AccessRule } from './access.decorators';
import type { Caller, RequestWithCaller } from './caller';
import { SessionsRepository } from './sessions.repository';
import { TokensService } from './tokens.service';

const UNAUTHORIZED = 'authentication required: send a valid Bearer token';
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

/**
 * The caller of an `Authorization` header: a Bearer token that verifies and still stands
 * (sessions.repository.ts), else undefined. The guard's authentication, also used by the
 * routes answered before Nest's pipeline (pacts/pact-hot-reads.ts).
 */
export async function bearerCaller(
  header: string | undefined,
  tokens: TokensService,
  sessions: SessionsRepository,
): Promise<Caller | undefined> {
  const match = BEARER.exec(header ?? '');
  const claims = match ? tokens.verify(match[1]) : undefined;
  return claims && sessions.caller(claims);
}

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
    const caller = await bearerCaller(request.headers.authorization, this.tokens, this.sessions);
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
