import type { Logger } from '@nestjs/common';

/** How often an instance looks whether a daily job is still to do. */
const CHECK_EVERY_MS = 60 * 60_000;

/**
 * The timer of a daily background job: `pass` runs at start and hourly, one run at a time
 * (the pass itself decides, under its lease, whether today's work is still to do); a failure
 * is logged and the next hour tries again. `stopping` tells a long pass to end early.
 */
export class HourlyPass {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  stopping = false;

  constructor(
    private readonly logger: Logger,
    private readonly what: string,
    private readonly pass: () => Promise<unknown>,
  ) {}

  start(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  /** Stops the timer and waits for a pass under way. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running || this.stopping) return;
    this.running = this.pass()
      .catch((e: unknown) => {
        this.logger.warn(`${this.what} failed: ${e instanceof Error ? e.message : String(e)}`);
      })
      .finally(() => {
        this.running = undefined;
      });
  }
}
