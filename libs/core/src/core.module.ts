import { Module } from '@nestjs/common';
import { DirectoryService } from './services/directory.service';
import { EventService } from './services/event.service';
import { HealthService } from './services/health.service';
import { OrganiserService } from './services/organiser.service';
import { ParticipantService } from './services/participant.service';
import { PrintingService } from './services/printing.service';
import { ScheduleService } from './services/schedule.service';
import { SolveService } from './services/solve.service';
import { WishService } from './services/wish.service';

const SERVICES = [
  DirectoryService,
  EventService,
  HealthService,
  OrganiserService,
  ParticipantService,
  PrintingService,
  ScheduleService,
  SolveService,
  WishService,
];

/**
 * The use cases. Needs, from global modules: AppConfig (ConfigModule), the repositories
 * (PersistenceModule) and SolveJobQueue (QueueModule).
 */
@Module({ providers: SERVICES, exports: SERVICES })
export class CoreModule {}
