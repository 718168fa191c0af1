import { Module } from '@nestjs/common';
import { AlertFeed } from './alert-feed';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';

@Module({ controllers: [AlertsController], providers: [AlertsService, AlertFeed] })
export class AlertsModule {}
