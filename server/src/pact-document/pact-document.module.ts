import { Module } from '@nestjs/common';
import { PactDocumentController } from './pact-document.controller';
import { PactDocumentService } from './pact-document.service';

/** The printable pact: reads through the transaction it runs in, and owns no entity. */
@Module({
  controllers: [PactDocumentController],
  providers: [PactDocumentService],
  exports: [PactDocumentService],
})
export class PactDocumentModule {}
