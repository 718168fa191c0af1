import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '@generattivi/shared';

/** The signed-in user a request acts for (auth/sessions.repository.ts: whether it still stands is read per request). */
export interface Caller {
  id: number;
  email: string;
  fullName: string;
  role: Role;
  territoryIds: number[];
  /** The token's id, for logout. */
  jti: string;
  tokenExpiresAt: number;
  /** The user must change a password an administrator set (the admin asks for it). */
  mustChangePassword?: boolean;
}

export type RequestWithCaller = { caller?: Caller; id?: string; ip?: string };

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Caller => {
  const request = ctx.switchToHttp().getRequest<RequestWithCaller>();
  if (!request.caller) throw new Error('CurrentUser used on a route without a signed-in caller');
  return request.caller;
});
