import { Column, Entity } from 'typeorm';
import { VenueRecord } from '../territories/venue-record';

/** A laboratorio di comunità, built and accompanied by community makers. */
@Entity('community_labs')
export class CommunityLab extends VenueRecord {
  /** The community makers who run it (user ids). */
  @Column({ type: 'simple-json' })
  communityMakerIds!: number[];
}
