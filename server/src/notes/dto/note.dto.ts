import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTE_KINDS, type NoteKind } from '@generattivi/shared';
import {
  Allow,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsIsoInstant } from '../../common/validators';

export class CreateNoteDto {
  @ApiProperty() @IsInt() @Min(1) pactId!: number;

  @ApiProperty({ enum: NOTE_KINDS })
  @IsIn(NOTE_KINDS, { message: `must be one of ${NOTE_KINDS.join(', ')}` })
  kind!: NoteKind;

  @ApiPropertyOptional({
    description: 'when it happened (default now); not in the future',
    example: '2026-11-20T09:30:00Z',
  })
  @IsOptional()
  @IsIsoInstant()
  occurredAt?: string;

  @ApiProperty({ example: 'Colloquio con Marco: ha consegnato il curriculum aggiornato.' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  body!: string;

  @ApiPropertyOptional({ description: 'read-only: refused' }) @Allow() id?: unknown;
  @ApiPropertyOptional({ description: 'read-only: refused' }) @Allow() authorId?: unknown;
  @ApiPropertyOptional({ description: 'read-only: refused' }) @Allow() createdAt?: unknown;
  @ApiPropertyOptional({ description: 'read-only: refused' }) @Allow() updatedAt?: unknown;
}
