import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { toSessionUser } from '../users/user.record';
import { AnyRole, Public } from './access.decorators';
import { AuthService } from './auth.service';
import { Caller, CurrentUser } from './caller';
import { LoginDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @RouteConfig({ rateLimit: {} })
  @HttpCode(200)
  @ApiOkResponse({
    description: '`{accessToken, user: {id, email, fullName, role, territoryIds}}`',
  })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (the same message for both).' })
  @ApiTooManyRequestsResponse({
    description:
      '10 failed attempts on the account within 15 minutes, or too many from one address.',
  })
  login(@Body() body: LoginDto) {
    return this.auth.login(body.email, body.password);
  }

  @Post('logout')
  @AnyRole()
  @HttpCode(200)
  @ApiBearerAuth()
  async logout(@CurrentUser() caller: Caller) {
    await this.auth.logout(caller);
    return { loggedOut: true };
  }

  @Get('me')
  @AnyRole()
  @ApiBearerAuth()
  me(@CurrentUser() caller: Caller) {
    return toSessionUser(caller);
  }
}
