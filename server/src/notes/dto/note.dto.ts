import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTE_KINDS, type NoteKind } from '@generattivi/shared';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { WithReadOnlyFields } from '../../common/read-only-fields';
import { IsIsoInstant, IsWholeNumber } from '../../common/validators';

class NoteFields {
  @ApiProperty() @IsWholeNumber() pactId!: number;

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
}

export class CreateNoteDto extends WithReadOnlyFields(
  NoteFields,
  ['id', 'authorId', 'createdAt', 'updatedAt'],
  'read-only: refused',
) {}
