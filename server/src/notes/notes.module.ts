import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Note } from './note.entity';
import { PactsModule } from '../pacts/pacts.module';
import { NotesController } from './notes.controller';
import { NotesService } from './notes.service';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const NOTE_ENTITIES = [Note];

@Module({
  imports: [TypeOrmModule.forFeature(NOTE_ENTITIES), PactsModule],
  controllers: [NotesController],
  providers: [NotesService],
  exports: [NotesService],
})
export class NotesModule {}
