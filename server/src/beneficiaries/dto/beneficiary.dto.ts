import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ANY_YEAR,
  EMPLOYMENT_STATUSES,
  isIsoDate,
  SEXES,
  todayIso,
  validateFiscalCode,
  type EmploymentStatus,
  type Sex,
} from '@generattivi/shared';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { IsIsoDate, IsWholeNumber } from '../../common/validators';
import { CreateBody, UpdateBody } from '../../common/read-only-fields';

const NOT_BLANK = /\S/;
const PHONE = /^\+?[0-9][0-9 ./()-]{3,38}$/;
export const EARLIEST_BIRTH_DATE = '1900-01-01';

/** A blank optional text counts as absent (react-admin may send "" for a cleared input). */
const given = (_object: object, value: unknown) =>
  value !== undefined && value !== null && value !== '';

/**
 * The English messages of `validateFiscalCode` for the code and the person's birth date and
 * sex (those that are well formed; the others report their own error).
 */
export function fiscalCodeProblems(code: unknown, person: { birthDate?: unknown; sex?: unknown }) {
  if (typeof code !== 'string') return [];
  const birthDate = isIsoDate(person.birthDate) ? person.birthDate : null;
  const sex = SEXES.find((s) => s === person.sex) ?? null;
  return validateFiscalCode(code, { birthDate, sex }).errors.map((e) => e.message.en);
}

/** The official check character, omocodia, and consistency with `birthDate` and `sex`. */
const IsFiscalCodeOfPerson = () =>
  ValidateBy({
    name: 'isFiscalCodeOfPerson',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        fiscalCodeProblems(value, args?.object ?? {}).length === 0,
      defaultMessage: (args?: ValidationArguments) =>
        fiscalCodeProblems(args?.value, args?.object ?? {}).join(', '),
    },
  });

/** A birth date that exists, is not in the future and not before 1900. */
const IsPlausibleBirthDate = () =>
  ValidateBy({
    name: 'isPlausibleBirthDate',
    constraints: [EARLIEST_BIRTH_DATE],
    validator: {
      validate: (value: unknown) =>
        !isIsoDate(value, ANY_YEAR) || (value >= EARLIEST_BIRTH_DATE && value <= todayIso()),
      defaultMessage: (args?: ValidationArguments) =>
        String(args?.value) > todayIso()
          ? 'must not be in the future'
          : `must not be before ${EARLIEST_BIRTH_DATE}`,
    },
  });

class BeneficiaryFields {
  @ApiProperty({ example: 'Maria' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  @MaxLength(100)
  firstName!: string;

  @ApiProperty({ example: 'Rossi' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  @MaxLength(100)
  lastName!: string;

  @ApiProperty({
    example: 'RSSMRA85T50D142K',
    description:
      'codice fiscale: 16 characters, check character verified, omocodia accepted; must match birthDate and sex; stored upper-case, unique (409). Masked for managers.',
  })
  @IsString()
  @IsFiscalCodeOfPerson()
  fiscalCode!: string;

  @ApiProperty({ example: '1985-12-10', description: 'YYYY-MM-DD, not in the future' })
  @IsIsoDate(undefined, ANY_YEAR) // IsPlausibleBirthDate bounds it, with its own message
  @IsPlausibleBirthDate()
  birthDate!: string;

  @ApiProperty({ enum: SEXES })
  @IsIn(SEXES, { message: `must be one of ${SEXES.join(', ')}` })
  sex!: Sex;

  @ApiProperty({ example: 1 })
  @IsWholeNumber()
  territoryId!: number;

  @ApiProperty({ example: 'Crema', description: 'one of the territory’s municipalities' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  @MaxLength(120)
  municipality!: string;

  @ApiPropertyOptional({ nullable: true, description: 'omitted for managers' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    example: '+39 0373 123456',
    description: 'omitted for managers',
  })
  @ValidateIf(given)
  @IsString()
  @Matches(PHONE, { message: 'must be a phone number: digits, spaces and + . / ( ) -' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'omitted for managers; stored lower-case' })
  @ValidateIf(given)
  @IsString()
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email?: string | null;

  @ApiProperty({ enum: EMPLOYMENT_STATUSES })
  @IsIn(EMPLOYMENT_STATUSES, { message: `must be one of ${EMPLOYMENT_STATUSES.join(', ')}` })
  employmentStatus!: EmploymentStatus;

  @ApiPropertyOptional({
    nullable: true,
    description: 'a household of the same territory that the caller can see',
  })
  @IsOptional()
  @IsWholeNumber()
  householdId?: number | null;
}

/** Set by the server only (`POST /beneficiaries/:id/anonymise`). */
const SERVER_OWNED = ['anonymisedAt'] as const;

export class CreateBeneficiaryDto extends CreateBody(BeneficiaryFields, SERVER_OWNED) {}

export class UpdateBeneficiaryDto extends UpdateBody(BeneficiaryFields, SERVER_OWNED) {}

export const BENEFICIARY_READ_ONLY = ['id', 'createdAt', 'updatedAt', ...SERVER_OWNED] as const;
