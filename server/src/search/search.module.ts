import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { Household } from '../households/household.entity';
import { Pact } from '../pacts/pact.entity';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

/** `GET /search`: one search box over pacts, beneficiaries and households. */
@Module({
  imports: [TypeOrmModule.forFeature([Pact, Beneficiary, Household])],
  controllers: [SearchController],
  providers: [SearchService],
})
export class SearchModule {}
