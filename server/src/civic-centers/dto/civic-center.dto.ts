import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CreateBody, UpdateBody } from '../../common/read-only-fields';
import { IsWholeNumber } from '../../common/validators';
import { VenueFields } from '../../territories/dto/venue.dto';

export const MAX_REACHED = 1_000_000;

class CivicCenterFields extends VenueFields('Civic Center Crema') {
  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'children reached' })
  @IsOptional()
  @IsWholeNumber({ min: 0, max: MAX_REACHED })
  childrenReached?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'adults reached' })
  @IsOptional()
  @IsWholeNumber({ min: 0, max: MAX_REACHED })
  adultsReached?: number;
}

export class CreateCivicCenterDto extends CreateBody(CivicCenterFields) {}

export class UpdateCivicCenterDto extends UpdateBody(CivicCenterFields) {}

export const CIVIC_CENTER_READ_ONLY = ['id', 'createdAt', 'updatedAt'] as const;
