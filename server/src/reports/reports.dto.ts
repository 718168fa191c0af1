import { ApiPropertyOptional } from '@nestjs/swagger';
import { PACT_TYPES, type PactType } from '@generattivi/shared';
import { IsIn, IsOptional } from 'class-validator';
import { IsIsoDate, IsWholeNumber, ToWholeNumber } from '../common/validators';

/** The two tables of the caseload report. */
export const CASELOAD_TABLES = ['socialWorkers', 'communityMakers'] as const;
export type CaseloadTable = (typeof CASELOAD_TABLES)[number];

export class ReportQueryDto {
  @ApiPropertyOptional() @IsOptional() @ToWholeNumber() @IsWholeNumber() territoryId?: number;

  @ApiPropertyOptional({ enum: PACT_TYPES })
  @IsOptional()
  @IsIn(PACT_TYPES, { message: `must be one of ${PACT_TYPES.join(', ')}` })
  type?: PactType;

  @ApiPropertyOptional({
    description: 'pacts starting on or after this date',
    example: '2026-01-01',
  })
  @IsOptional()
  @IsIsoDate()
  from?: string;
  @ApiPropertyOptional({
    description: 'pacts starting on or before this date',
    example: '2026-12-31',
  })
  @IsOptional()
  @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({
    enum: CASELOAD_TABLES,
    description:
      'caseload as CSV: only the social workers or only the community makers (both when absent)',
  })
  @IsOptional()
  @IsIn(CASELOAD_TABLES, { message: `must be one of ${CASELOAD_TABLES.join(', ')}` })
  table?: CaseloadTable;

  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    description: 'csv: the same table as CSV (or send Accept: text/csv)',
  })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
