import { Injectable } from '@nestjs/common';
import { deriveSlots, type ScheduleFile } from '@app/scheduling';
import { DomainError, forbidden } from '../domain/errors';
import { canTransition } from '../domain/event-status';
import type { Actor, ScheduleVersion } from '../domain/model';
import { ScheduleRepository } from '../ports/repositories';
import { assertClusterAccess, assertEventAccess } from './access';
import { EventService } from './event.service';

export interface AgendaEntry {
  slot: number;
  start: string;
  end: string;
  table: number;
  partner: { id: string; name: string };
}

export interface Agenda {
  event: string;
  date: string;
  venue?: string;
  cluster: { id: string; name: string };
  version: number;
  meetings: AgendaEntry[];
}

@Injectable()
export class ScheduleService {
  constructor(
    private readonly schedules: ScheduleRepository,
    private readonly events: EventService,
  ) {}

  async listVersions(eventId: string): Promise<ScheduleVersion[]> {
    await this.events.require(eventId);
    return this.schedules.listVersions(eventId);
  }

  async getVersion(eventId: string, version: number): Promise<ScheduleVersion> {
    await this.events.require(eventId);
    const found = await this.schedules.getVersion(eventId, version);
    if (!found) throw notFound(`Schedule version ${version} not found.`);
    return found;
  }

  /**
   * Organisers: the given version, else the latest done one. Managers: the published version, with
   * only their own meetings and unmet wishes (nothing of the other clusters' wishes).
   */
  async getSchedule(
    actor: Actor,
    eventId: string,
    version?: number,
  ): Promise<{ version: number; schedule: ScheduleFile }> {
    assertEventAccess(actor, eventId);
    const event = await this.events.require(eventId);
    if (actor.kind === 'manager') {
      if (event.status !== 'published' || event.publishedVersion === null) {
        throw forbidden('The agenda can be read once the schedule is published.');
      }
      if (version !== undefined && version !== event.publishedVersion)
        throw forbidden('Only the published schedule can be read.');
      const schedule = await this.load(eventId, event.publishedVersion);
      return { version: event.publishedVersion, schedule: onlyCluster(schedule, actor.clusterId) };
    }
    const chosen = version ?? (await this.schedules.latestDoneVersion(eventId));
    if (chosen === null) throw notFound('No schedule has been computed for this event yet.');
    return { version: chosen, schedule: await this.load(eventId, chosen) };
  }

  /** A cluster's meetings in time order, with times and partner names. */
  async agenda(actor: Actor, eventId: string, clusterId: string): Promise<Agenda> {
    assertClusterAccess(actor, eventId, clusterId);
    const event = await this.events.require(eventId);
    const file = await this.events.currentFile(eventId);
    const { version, schedule } = await this.getSchedule(
      actor,
      eventId,
      actor.kind === 'organiser' ? (event.publishedVersion ?? undefined) : undefined,
    );
    const cluster = file.clusters.find((c) => c.id === clusterId);
    if (!cluster)
      throw new DomainError(
        'PARTICIPANT_NOT_FOUND',
        `Cluster ${JSON.stringify(clusterId)} does not take part in this event.`,
      );
    const names = new Map(file.clusters.map((c) => [c.id, c.name]));
    const slots = deriveSlots(file.event);
    const meetings = schedule.meetings
      .filter((m) => m.clusters.includes(clusterId))
      .sort((a, b) => a.slot - b.slot)
      .map((m) => {
        const partner = m.clusters[0] === clusterId ? m.clusters[1] : m.clusters[0];
        return {
          slot: m.slot,
          start: slots[m.slot]?.start ?? '',
          end: slots[m.slot]?.end ?? '',
          table: m.table,
          partner: { id: partner, name: names.get(partner) ?? partner },
        };
      });
    return {
      event: file.event.name,
      date: file.event.date,
      ...(file.event.venue ? { venue: file.event.venue } : {}),
      cluster: { id: cluster.id, name: cluster.name },
      version,
      meetings,
    };
  }

  /** Publishes a done version: the event becomes `published` and managers can read their agendas. */
  async publish(eventId: string, version: number): Promise<void> {
    const event = await this.events.require(eventId);
    const found = await this.schedules.getVersion(eventId, version);
    if (!found) throw notFound(`Schedule version ${version} not found.`);
    if (found.state !== 'done') {
      throw new DomainError(
        'SCHEDULE_NOT_DONE',
        `Schedule version ${version} is ${found.state}; only a done version can be published.`,
      );
    }
    if (!canTransition(event.status, 'published', 'publish')) {
      throw new DomainError(
        'INVALID_STATUS_TRANSITION',
        `Cannot publish an event that is ${event.status}; it must be scheduled (or already published).`,
      );
    }
    if (!(await this.schedules.publish(eventId, version, ['scheduled', 'published']))) {
      throw new DomainError('INVALID_STATUS_TRANSITION', 'The event changed meanwhile; try again.');
    }
  }

  private async load(eventId: string, version: number): Promise<ScheduleFile> {
    const schedule = await this.schedules.getSchedule(eventId, version);
    if (!schedule) throw notFound(`Schedule version ${version} is not done.`);
    return schedule;
  }
}

function notFound(message: string): DomainError {
  return new DomainError('SCHEDULE_NOT_FOUND', message);
}

/** The schedule as one cluster may see it. */
export function onlyCluster(schedule: ScheduleFile, clusterId: string): ScheduleFile {
  return {
    ...schedule,
    meetings: schedule.meetings.filter((m) => m.clusters.includes(clusterId)),
    unmetWishes: schedule.unmetWishes.filter((w) => w.from === clusterId),
    stats: {},
  };
}
