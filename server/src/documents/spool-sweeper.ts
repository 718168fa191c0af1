import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { sweepAbandonedSpools } from './upload';

/** At start, removes the spooled uploads an earlier process killed mid-upload left behind. */
@Injectable()
export class SpoolSweeper implements OnApplicationBootstrap {
  private readonly logger = new Logger(SpoolSweeper.name);

  async onApplicationBootstrap(): Promise<void> {
    const removed = await sweepAbandonedSpools().catch((error: unknown) => {
      this.logger.warn(`abandoned uploads not swept: ${String(error)}`);
      return 0;
    });
    if (removed > 0)
      this.logger.log(`${removed} abandoned upload(s) removed from the temporary directory`);
  }
}
