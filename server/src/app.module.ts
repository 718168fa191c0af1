import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AccessLogModule } from './access-log/access-log.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { PactDocumentModule } from './pact-document/pact-document.module';
import { SubjectAccessModule } from './subject-access/subject-access.module';
import { DocumentsModule } from './documents/documents.module';
import { ReportsModule } from './reports/reports.module';
import { ExportModule } from './export/export.module';
import { AlertsModule } from './alerts/alerts.module';
import { SearchModule } from './search/search.module';
import { AssignmentsModule } from './assignments/assignments.module';
import { TerritoriesModule } from './territories/territories.module';
import { UsersModule } from './users/users.module';
import { AccessGuard } from './auth/access.guard';
import { AdmissionInterceptor } from './common/admission';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { CommonModule } from './common/common.module';
import { createLogger, logDestination, LogFlush, loggerParams, RequestLog } from './common/logging';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { SEEDED_MODULES, SeedModule } from './demo/seed.module';
import { appDataSourceOptions } from './data-source';
import { HealthController } from './health/health.controller';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { SavedFiltersModule } from './saved-filters/saved-filters.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ProfileModule } from './profile/profile.module';
import { RetentionModule } from './retention/retention.module';
import { ImportsModule } from './imports/imports.module';
import { MailModule } from './mail/mail.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const destination = logDestination();
    const logger = createLogger(config, destination);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(logger)),
        DatabaseModule.forRoot(() => appDataSourceOptions(config.database)),
        CommonModule,
        IdempotencyModule,
        AuditModule,
        AccessLogModule,
        AuthModule,
        UsersModule,
        TerritoriesModule,
        ...SEEDED_MODULES,
        AssignmentsModule,
        PactDocumentModule,
        SubjectAccessModule,
        DocumentsModule,
        ReportsModule,
        ExportModule,
        AlertsModule,
        SearchModule,
        SavedFiltersModule,
        NotificationsModule,
        ProfileModule,
        RetentionModule,
        ImportsModule,
        MailModule,
        SeedModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: LogFlush, useValue: new LogFlush(destination) },
        { provide: RequestLog, useValue: new RequestLog(logger) },
        { provide: APP_INTERCEPTOR, useClass: AdmissionInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
