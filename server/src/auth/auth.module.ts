import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RevokedToken } from './revoked-token.entity';
import { SessionsRepository } from './sessions.repository';
import { LoginAccount, LoginAddressWindow, LoginFailure } from './login-throttle.entity';
import { UsersModule } from '../users/users.module';
import { PasswordTokensModule } from '../password-tokens/password-tokens.module';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { AppConfig, CONFIG } from '../config/config';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginRateGuard } from './login-rate.guard';
import { LoginThrottle } from './login-throttle';
import { TokensService } from './tokens.service';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const AUTH_ENTITIES = [RevokedToken, LoginFailure, LoginAccount, LoginAddressWindow];

@Module({
  imports: [
    TypeOrmModule.forFeature(AUTH_ENTITIES),
    UsersModule,
    PasswordTokensModule,
    JwtModule.registerAsync({
      inject: [CONFIG],
      // One key object for the process: given the secret as a string, jsonwebtoken would
      // first try it as a public key (and throw) then derive a key, on every request.
      useFactory: (config: AppConfig) => {
        const key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    TokensService,
    SessionsRepository,
    LoginThrottle,
    LoginRateGuard,
    AccessGuard,
  ],
  exports: [TokensService, SessionsRepository, AccessGuard],
})
export class AuthModule {}
