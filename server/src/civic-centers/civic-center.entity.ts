import { Column, Entity } from 'typeorm';
import { VenueRecord } from '../territories/venue-record';

/** A Civic Center: after-school, cultural and social activities; where needs are voiced. */
@Entity('civic_centers')
export class CivicCenter extends VenueRecord {
  @Column({ type: 'integer', default: 0 })
  childrenReached!: number;

  @Column({ type: 'integer', default: 0 })
  adultsReached!: number;
}
