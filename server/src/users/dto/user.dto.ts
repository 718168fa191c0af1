import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DIGEST_FREQUENCIES, ROLES, type DigestFrequency, type Role } from '@generattivi/shared';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEmpty,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsHardToGuess } from '../../auth/password-strength';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../auth/passwords';
import { ReadOnly } from '../../common/read-only-fields';
import { IsWholeNumber } from '../../common/validators';

/** Read-only fields fail validation on create, so one 400 names them with the other problems. */
const RefusedOnCreate = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'read-only: refused on create' }),
    IsEmpty({ message: 'is read-only: it cannot be set on create' }),
  );

class UserFields {
  @ApiProperty({ example: 'l.bertolotti@comune.crema.cr.it' })
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Luca Bertolotti' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @ApiProperty({ type: [Number], example: [1] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsWholeNumber({ each: true })
  territoryIds!: number[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    enum: DIGEST_FREQUENCIES,
    description:
      'the e-mail digest: on create, daily for a social worker, weekly for a community maker or a manager, none for an administrator; on update, unchanged when absent',
  })
  @IsOptional()
  @IsIn(DIGEST_FREQUENCIES, { message: `must be one of ${DIGEST_FREQUENCIES.join(', ')}` })
  digestFrequency?: DigestFrequency;
}

export class CreateUserDto extends UserFields {
  @ApiPropertyOptional({
    description: `write-only; ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters, any Unicode; common, breached and patterned passwords are refused (zxcvbn score below 3). Given: the user must change it at first sign-in (mustChangePassword). Left out: the user gets an invitation by mail to choose one (a link valid 72 hours, once)`,
    writeOnly: true,
  })
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, {
    message: `must be at least ${MIN_PASSWORD_LENGTH} characters long`,
  })
  @MaxLength(MAX_PASSWORD_LENGTH)
  @IsHardToGuess()
  password?: string;

  @RefusedOnCreate() id?: unknown;
  @RefusedOnCreate() mustChangePassword?: unknown;
  @RefusedOnCreate() createdAt?: unknown;
  @RefusedOnCreate() updatedAt?: unknown;
  @RefusedOnCreate() version?: unknown;
}

export class UpdateUserDto extends UserFields {
  @ApiProperty({ description: 'the version you read; a stale one is a 409' })
  @IsWholeNumber()
  version!: number;

  @ApiPropertyOptional({
    description: 'write-only: a new password (the same rules as on create)',
  })
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, {
    message: `must be at least ${MIN_PASSWORD_LENGTH} characters long`,
  })
  @MaxLength(MAX_PASSWORD_LENGTH)
  @IsHardToGuess()
  password?: string;

  @ReadOnly() id?: unknown;
  @ReadOnly() createdAt?: unknown;
  @ReadOnly() updatedAt?: unknown;
  /** The user's load, counted by the server: always ignored (it changes with others' work). */
  @ReadOnly() openPacts?: unknown;
  /** Whether the user must change a password an administrator set: the server's to say. */
  @ReadOnly() mustChangePassword?: unknown;
}

export const USER_READ_ONLY = ['id', 'createdAt', 'updatedAt'] as const;
