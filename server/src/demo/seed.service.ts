import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { defaultDigestFrequency } from '@generattivi/shared';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/passwords';
import { UnitOfWork } from '../common/unit-of-work';
import { AppConfig, CONFIG } from '../config/config';
import { Territory } from '../territories/territory.entity';
import { TERRITORIES } from '../territories/territories.data';
import { User } from '../users/user.entity';
import { toUserRecord } from '../users/user.record';
import { withStartupLock } from '../database/startup-lock';
import { analyze } from '../database/statistics';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { EXTRA_MAKERS } from './demo-catalogue';
import { DemoLoader } from './demo-loader';

/**
 * At start: the three territories on an empty database (reference data, every
 * environment); with DEMO_DATA the demo accounts and case records, once, on a database
 * that has no users yet.
 */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly demo: DemoLoader,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Under the start-up lock: an instance started at the same time waits, then finds it done. */
  async onApplicationBootstrap(): Promise<void> {
    await withStartupLock(this.dataSource, async () => {
      await this.ensureTerritories();
      if (this.config.demoData) await this.loadDemoData();
    });
  }

  private async ensureTerritories(): Promise<void> {
    await this.uow.run(async (tx) => {
      if ((await tx.count(Territory)) > 0) return;
      for (const t of TERRITORIES) {
        const saved = await tx.save(tx.create(Territory, { ...t }));
        await this.audit.created(tx, null, 'territories', saved.id, {
          code: saved.code,
          name: saved.name,
          municipalities: saved.municipalities,
        });
      }
      this.logger.log(`loaded the ${TERRITORIES.length} territories`);
    });
  }

  private async loadDemoData(): Promise<void> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const loaded = await this.uow.run(async (tx) => {
      if ((await tx.count(User)) > 0) return false;
      const territories = await tx.find(Territory);
      const idOf = (code: string) => territories.find((t) => t.code === code)!.id;
      const accounts = [
        ...DEMO_ACCOUNTS,
        ...EXTRA_MAKERS.map((m) => ({
          email: m.email,
          fullName: m.fullName,
          role: 'COMMUNITY_MAKER' as const,
          territories: [m.territory],
        })),
      ];
      for (const a of accounts) {
        const user = await tx.save(
          tx.create(User, {
            email: a.email,
            fullName: a.fullName,
            role: a.role,
            territoryIds:
              a.territories === 'all' ? territories.map((t) => t.id) : a.territories.map(idOf),
            active: true,
            digestFrequency: defaultDigestFrequency(a.role),
            passwordHash,
          }),
        );
        await this.audit.created(tx, null, 'users', user.id, toUserRecord(user));
      }
      this.logger.log(`loaded the demo accounts: ${accounts.length}`);
      return true;
    });
    if (!loaded) return;
    await this.demo.load();
    // The planner's statistics for the tables just filled (statistics.ts).
    await analyze(this.dataSource);
  }
}
