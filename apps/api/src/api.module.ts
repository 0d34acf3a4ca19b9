import {
  DynamicModule,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  ValidationPipe,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { AppConfig, ConfigModule } from '@app/config';
import { CoreModule, OrganiserService, validationFailed } from '@app/core';
import { PersistenceModule, PostgresThrottlerStorage, RateLimitStorageModule } from '@app/persistence';
import { QueueModule } from '@app/queue';
import { AuthGuard } from './auth/auth.guard';
import { AuthController } from './controllers/auth.controller';
import { ClustersController } from './controllers/clusters.controller';
import { EventsController } from './controllers/events.controller';
import { HealthController } from './controllers/health.controller';
import { ParticipantsController } from './controllers/participants.controller';
import { SchedulesController } from './controllers/schedules.controller';
import { GlobalExceptionFilter } from './http/exception.filter';
import { validationIssues } from './http/validation-issues';
import { REQUEST_LOG_SINK } from './http/request-log';
import { PrintingModule } from './printing/printing.module';
import { WebModule } from './web/web.module';

/** Creates the first organiser from ORGANISER_EMAIL / ORGANISER_PASSWORD when there is none. */
@Injectable()
export class FirstOrganiser implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstOrganiser.name);

  constructor(
    private readonly organisers: OrganiserService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const outcome = await this.organisers.ensureFirstOrganiser(
      this.config.organiserEmail,
      this.config.organiserPassword,
    );
    if (outcome === 'created') this.logger.log(`Created the first organiser ${this.config.organiserEmail}.`);
    if (outcome === 'not-configured') {
      this.logger.warn(
        'No organiser exists: set ORGANISER_EMAIL and ORGANISER_PASSWORD, or run `npm run cli -- create-organiser EMAIL`.',
      );
    }
  }
}

/** class-validator errors → VALIDATION_FAILED with `{path, message, code, params}` for each. */
export { validationIssues };

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    const logger = pino({ level: config.logLevel });
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        // The app's logs through pino; requests are logged by http/request-log.ts (configureApp),
        // which costs nothing per request when its lines would not be written (no per-request
        // child logger, no async context): nestjs-pino applies no middleware.
        LoggerModule.forRoot({
          pinoHttp: { logger },
          useExisting: true,
          forRoutes: [],
        }),
        PersistenceModule.forRoot(),
        QueueModule.forRoot(),
        JwtModule.register({
          secret: config.jwtSecret,
          signOptions: { expiresIn: config.jwtExpiresInSeconds, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
        // Counters in PostgreSQL, shared by every API process (API_PROCESSES): the limits hold
        // whichever process serves a request. Only throttled routes touch them.
        ThrottlerModule.forRootAsync({
          imports: [RateLimitStorageModule],
          inject: [PostgresThrottlerStorage],
          useFactory: (storage: PostgresThrottlerStorage) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: 60 }],
            storage,
          }),
        }),
        CoreModule,
        PrintingModule,
        WebModule,
      ],
      controllers: [
        AuthController,
        EventsController,
        ClustersController,
        ParticipantsController,
        SchedulesController,
        HealthController,
      ],
      providers: [
        FirstOrganiser,
        { provide: REQUEST_LOG_SINK, useValue: logger },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: GlobalExceptionFilter },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            whitelist: true,
            stopAtFirstError: true,
            forbidNonWhitelisted: true,
            transform: true,
            exceptionFactory: (errors) => validationFailed(validationIssues(errors)),
          }),
        },
      ],
    };
  }
}
