import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Assignment } from './assignment.entity';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsService } from './assignments.service';
import { HandOverService } from './hand-over.service';
import { PactAssignmentService } from './pact-assignment.service';

/** The entities this feature owns: its module registers them, the data source lists them. */
export const ASSIGNMENT_ENTITIES = [Assignment];

@Module({
  imports: [TypeOrmModule.forFeature(ASSIGNMENT_ENTITIES)],
  controllers: [AssignmentsController],
  providers: [AssignmentsService, PactAssignmentService, HandOverService],
  exports: [PactAssignmentService, TypeOrmModule],
})
export class AssignmentsModule {}
