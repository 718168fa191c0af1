import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppConfig, CONFIG } from '../config/config';
import { throttled } from './auth.service';
import { LoginThrottle } from './login-throttle';

/**
 * The per-address login limit (LOGIN_RATE_LIMIT attempts a minute, over all accounts),
 * counted in the database so that it holds across instances. It runs before the body is
 * validated: a malformed attempt costs the same as any other.
 */
@Injectable()
export class LoginRateGuard implements CanActivate {
  constructor(
    private readonly throttle: LoginThrottle,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const decision = await this.throttle.hitAddress(request.ip, this.config.loginRatePerMinute);
    if (!decision.allowed) throw throttled(decision.code, decision.retryAfterSeconds);
    return true;
  }
}
