import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsHardToGuess } from '../password-strength';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../passwords';

const NewPassword = (): PropertyDecorator => (target, key) => {
  ApiProperty({
    description: `write-only; ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters, any Unicode; common, breached and patterned passwords, and those made of the account's email or name, are refused (WEAK_PASSWORD)`,
    writeOnly: true,
  })(target, key);
  IsString()(target, key);
  MinLength(MIN_PASSWORD_LENGTH, {
    message: `must be at least ${MIN_PASSWORD_LENGTH} characters long`,
  })(target, key);
  MaxLength(MAX_PASSWORD_LENGTH)(target, key);
  IsHardToGuess()(target, key);
};

/** `POST /auth/password-reset`. */
export class PasswordResetDto {
  @ApiProperty({ example: 'sociale.crema@demo.generattivi.it' })
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  email!: string;
}

/** `POST /auth/password-token`. */
export class PasswordTokenDto {
  @ApiProperty({ description: 'the `token` of the link mailed' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token!: string;
}

/** `POST /auth/password`. */
export class SetPasswordDto extends PasswordTokenDto {
  @NewPassword()
  password!: string;
}

/** `POST /auth/change-password`. */
export class ChangePasswordDto {
  @ApiProperty({ writeOnly: true })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword!: string;

  @NewPassword()
  newPassword!: string;
}
