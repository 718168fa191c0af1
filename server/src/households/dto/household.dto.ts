import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { CreateBody, UpdateBody } from '../../common/read-only-fields';
import { IsWholeNumber } from '../../common/validators';

/** decimal(12,2): ten digits before the point. */
export const MAX_ISEE_EUR = 9_999_999_999.99;
export const MAX_MEMBERS = 30;

/** A JSON number of euros, 0 or more, with at most two decimals. */
export function isEuroAmount(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= 0 &&
    value <= MAX_ISEE_EUR &&
    Math.round(value * 100) / 100 === value
  );
}

const IsEuroAmount = () =>
  ValidateBy({
    name: 'isEuroAmount',
    validator: {
      validate: isEuroAmount,
      defaultMessage: () =>
        'must be a number of euros, 0 or more, with at most 2 decimals (null when unknown)',
    },
  });

class HouseholdFields {
  @ApiProperty({ example: 'Famiglia Rossi' })
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(120)
  name!: string;

  @ApiProperty({ example: 1 })
  @IsWholeNumber()
  territoryId!: number;

  @ApiProperty({ example: 'Crema', description: 'one of the territory’s municipalities' })
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(120)
  municipality!: string;

  @ApiProperty({ minimum: 1, maximum: MAX_MEMBERS, example: 4 })
  @IsWholeNumber({ max: MAX_MEMBERS })
  membersCount!: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 8450.5,
    description: 'ISEE in euros, at most 2 decimals; null when unknown',
  })
  @IsOptional()
  @IsEuroAmount()
  iseeEur?: number | null;

  @ApiPropertyOptional({
    default: false,
    description:
      'the vulnerability assessment; changing it or its reason records who and when (assessedById, assessedAt)',
  })
  @IsOptional()
  @IsBoolean()
  vulnerable?: boolean;

  @ApiPropertyOptional({ nullable: true, description: 'required when vulnerable is true' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  vulnerabilityReason?: string | null;
}

export class CreateHouseholdDto extends CreateBody(HouseholdFields, [
  'assessedById',
  'assessedAt',
]) {}

export class UpdateHouseholdDto extends UpdateBody(HouseholdFields, [
  'assessedById',
  'assessedAt',
]) {}

export const HOUSEHOLD_READ_ONLY = [
  'id',
  'createdAt',
  'updatedAt',
  'assessedById',
  'assessedAt',
] as const;
