import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Document } from './document.entity';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { SpoolSweeper } from './spool-sweeper';

/** The entities this feature owns (the bytes' table, DocumentContent, is per engine: data-source.ts). */
export const DOCUMENT_ENTITIES = [Document];

@Module({
  imports: [TypeOrmModule.forFeature(DOCUMENT_ENTITIES)],
  controllers: [DocumentsController],
  providers: [DocumentsService, SpoolSweeper],
  exports: [DocumentsService],
})
export class DocumentsModule {}
