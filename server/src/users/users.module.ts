import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from './user.entity';
import { PasswordTokensModule } from '../password-tokens/password-tokens.module';
import { TerritoriesModule } from '../territories/territories.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const USER_ENTITIES = [User];

@Module({
  imports: [TypeOrmModule.forFeature(USER_ENTITIES), TerritoriesModule, PasswordTokensModule],
  controllers: [UsersController],
  providers: [UsersService],
  exports: [UsersService, TypeOrmModule],
})
export class UsersModule {}
