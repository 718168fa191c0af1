import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiGoneResponse,
  ApiOperation,
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
import {
  ChangePasswordDto,
  PasswordResetDto,
  PasswordTokenDto,
  SetPasswordDto,
} from './dto/password.dto';
import { PasswordTokensService } from '../password-tokens/password-tokens.service';
import { LoginRateGuard } from './login-rate.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwordTokens: PasswordTokensService,
  ) {}

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
    return toSessionUser({ ...caller, mustChangePassword: caller.mustChangePassword ?? false });
  }

  @Post('password-reset')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Asks for a link to choose a new password («Password dimenticata?»): mailed if the address is an active account’s, valid 72 hours, once; the answer is the same either way. Audited (password_reset_request)',
  })
  @ApiAcceptedResponse({ description: '`{message}`, always the same' })
  @ApiTooManyRequestsResponse({
    description:
      'PASSWORD_RESET_RATE_LIMITED: beyond PASSWORD_RESET_RATE_LIMIT requests a minute from one client address, or 3 a minute for one email address (`Retry-After`)',
  })
  requestPasswordReset(@Body() body: PasswordResetDto, @Req() request: FastifyRequest) {
    return this.auth.requestPasswordReset(body.email, request.ip);
  }

  @Post('password-token')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Whom a link to set a password is for, while it is valid: `{email, fullName, purpose}`',
  })
  @ApiBadRequestResponse({ description: 'PASSWORD_TOKEN_INVALID: no such link' })
  @ApiGoneResponse({ description: 'PASSWORD_TOKEN_EXPIRED, PASSWORD_TOKEN_USED' })
  describeToken(@Body() body: PasswordTokenDto) {
    return this.passwordTokens.describe(body.token);
  }

  @Post('password')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sets the password with a link mailed (invitation or reset): the link is used up, the account’s other links and sessions end, mustChangePassword is cleared. Audited (password_set). Answers `{email}`: sign in with it',
  })
  @ApiBadRequestResponse({
    description: 'PASSWORD_TOKEN_INVALID: no such link; VALIDATION: the password (WEAK_PASSWORD…)',
  })
  @ApiGoneResponse({ description: 'PASSWORD_TOKEN_EXPIRED, PASSWORD_TOKEN_USED' })
  setPassword(@Body() body: SetPasswordDto) {
    return this.passwordTokens.setPassword(body.token, body.password);
  }

  @Post('change-password')
  @Can('session', 'edit')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Changes one’s own password (required by the admin while mustChangePassword): the older sessions end; answers a new session `{accessToken, user}` like the login. 400 currentPassword CURRENT_PASSWORD_WRONG, newPassword PASSWORD_UNCHANGED or WEAK_PASSWORD; a wrong current password counts as a failed sign-in (429 as the login)',
  })
  changePassword(
    @CurrentUser() caller: Caller,
    @Body() body: ChangePasswordDto,
    @Req() request: FastifyRequest,
  ) {
    return this.auth.changePassword(caller, body.currentPassword, body.newPassword, request.ip);
  }
}
