import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, ScheduleService, SolveService, type ScheduleVersion } from '@app/core';
import { CurrentActor, ManagerAllowed } from '../auth/decorators';
import { PositiveIntPipe } from '../http/pipes';
import { EventIdPipe } from './events.controller';

/** A version as the API shows it. */
function versionView(v: ScheduleVersion) {
  return {
    version: v.version,
    state: v.state,
    progress: v.progress,
    message: v.message,
    reason: v.failureReason,
    attempts: v.attempts,
    jobId: v.jobId,
    stats: v.stats,
    createdAt: v.createdAt,
    startedAt: v.startedAt,
    finishedAt: v.finishedAt,
  };
}

@ApiTags('schedules')
@ApiBearerAuth()
@Controller('events/:id')
export class SchedulesController {
  constructor(
    private readonly solver: SolveService,
    private readonly schedules: ScheduleService,
  ) {}

  @Post('solve')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Snapshot the wishes, create a schedule version (queued) and enqueue its solve job',
  })
  solve(@Param('id', EventIdPipe) id: string): Promise<{ version: number; jobId: string }> {
    return this.solver.request(id);
  }

  @Get('schedules')
  @ApiOperation({ summary: 'Every schedule version with its state' })
  async list(@Param('id', EventIdPipe) id: string) {
    return (await this.schedules.listVersions(id)).map(versionView);
  }

  @Get('schedules/:version')
  @ApiOperation({ summary: 'One version: state (queued, running, done, failed), progress, reason' })
  async version(
    @Param('id', EventIdPipe) id: string,
    @Param('version', new PositiveIntPipe('version')) version: number,
  ) {
    return versionView(await this.schedules.getVersion(id, version));
  }

  @Post('schedules/:version/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a done version: managers can read their agendas' })
  async publish(
    @Param('id', EventIdPipe) id: string,
    @Param('version', new PositiveIntPipe('version')) version: number,
  ) {
    await this.schedules.publish(id, version);
    return { version, published: true };
  }

  @Get('schedule')
  @ManagerAllowed()
  @ApiQuery({ name: 'version', required: false, description: 'Organisers: a given done version' })
  @ApiOperation({
    summary:
      'The latest done version as an interclustering-schedule/1 file (managers: the published one, their part)',
  })
  async schedule(
    @CurrentActor() actor: Actor,
    @Param('id', EventIdPipe) id: string,
    @Query('version') version?: string,
  ) {
    const wanted = version === undefined ? undefined : new PositiveIntPipe('version').transform(version);
    return (await this.schedules.getSchedule(actor, id, wanted)).schedule;
  }

  @Get('participants/:clusterId/agenda')
  @ManagerAllowed()
  @ApiOperation({ summary: "A cluster's meetings in time order (managers: once published)" })
  agenda(
    @CurrentActor() actor: Actor,
    @Param('id', EventIdPipe) id: string,
    @Param('clusterId') clusterId: string,
  ) {
    return this.schedules.agenda(actor, id, clusterId);
  }
}
