import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { toSessionUser } from '../users/user.record';
import { Can, Public } from './access.decorators';
import { AuthService } from './auth.service';
import { Caller, CurrentUser } from './caller';
import { LoginDto } from './dto/login.dto';
import { LoginRateGuard } from './login-rate.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @UseGuards(LoginRateGuard)
  @HttpCode(200)
  @ApiOkResponse({
    description: '`{accessToken, user: {id, email, fullName, role, territoryIds}}`',
  })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (the same message for both).' })
  @ApiTooManyRequestsResponse({
    description:
      'Login throttling, shared by every server instance (`Retry-After` and `retryAfterSeconds` ' +
      'say when to try again; unknown emails are counted like known ones): ' +
      '`ACCOUNT_LOCKED` after 10 failures for the account from this client address within 15 ' +
      'minutes, until the oldest of them is 15 minutes old (a success clears the count of that ' +
      'address); `ACCOUNT_BACKOFF` when the account has more than 20 failures within 15 minutes ' +
      'from all addresses: then one attempt every 30 seconds; `LOGIN_RATE_LIMITED` beyond ' +
      'LOGIN_RATE_LIMIT attempts a minute from one address, over all accounts.',
  })
  login(@Body() body: LoginDto, @Req() request: FastifyRequest) {
    return this.auth.login(body.email, body.password, request.ip);
  }

  @Post('logout')
  @Can('session', 'delete')
  @HttpCode(200)
  @ApiBearerAuth()
  async logout(@CurrentUser() caller: Caller) {
    await this.auth.logout(caller);
    return { loggedOut: true };
  }

  @Get('me')
  @Can('session', 'show')
  @ApiBearerAuth()
  me(@CurrentUser() caller: Caller) {
    return toSessionUser(caller);
  }
}
