import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional } from 'class-validator';
import { CreateBody, UpdateBody } from '../../common/read-only-fields';
import { IsWholeNumber } from '../../common/validators';
import { VenueFields } from '../../territories/dto/venue.dto';

class CommunityLabFields extends VenueFields('Laboratorio di comunità Crema Nuova') {
  @ApiPropertyOptional({
    type: [Number],
    example: [6],
    description: 'active community makers working in the territory',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsWholeNumber({ each: true })
  communityMakerIds?: number[];
}

export class CreateCommunityLabDto extends CreateBody(CommunityLabFields) {}

export class UpdateCommunityLabDto extends UpdateBody(CommunityLabFields) {}

export const COMMUNITY_LAB_READ_ONLY = ['id', 'createdAt', 'updatedAt'] as const;
