import { Injectable } from '@nestjs/common';
import { EVENT_FORMAT, type EventFile } from '@app/scheduling';
import { DomainError, eventNotFound, validationFailed } from '../domain/errors';
import { assertTransition, isEventStatus, isFrozen, type EventStatus } from '../domain/event-status';
import type { Actor, EventRecord } from '../domain/model';
import { asDocument, parseOrThrow, rebaseIssues, validateSettings } from '../domain/validation';
import { EventRepository } from '../ports/repositories';
import { parseEventFile } from '@app/scheduling';
import { assertEventAccess, assertOrganiser } from './access';
import { WishListContexts, participantsAmong } from './wish-list-contexts';

@Injectable()
export class EventService {
  /** What wish lists are validated against, per event, in memory (checked at every write). */
  private readonly contexts: WishListContexts;

  constructor(private readonly events: EventRepository) {
    this.contexts = new WishListContexts((id) => this.events.wishListContext(id));
  }

  async create(settings: unknown): Promise<EventRecord> {
    const file = validateSettings(settings);
    return this.events.create(file.event);
  }

  async list(actor: Actor): Promise<EventRecord[]> {
    assertOrganiser(actor);
    return this.events.list();
  }

  async get(actor: Actor, eventId: string): Promise<EventRecord> {
    assertEventAccess(actor, eventId);
    return this.require(eventId);
  }

  async require(eventId: string): Promise<EventRecord> {
    const event = await this.events.get(eventId);
    if (!event) throw eventNotFound(eventId);
    return event;
  }

  /** Changes some settings (a partial `{name, tables, …}`); the whole event must stay valid. */
  async update(eventId: string, changes: unknown): Promise<EventRecord> {
    const event = await this.require(eventId);
    this.assertNotFrozen(event);
    if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
      throw validationFailed([{ path: '(root)', message: 'expected an object of event settings' }]);
    }
    const current = await this.currentFile(eventId);
    const merged = { ...(asDocument(current).event as object), ...changes };
    const file = validateSettings(merged, current);
    return this.events.updateSettings(eventId, file.event, file.fixed);
  }

  /** Replaces the fixed meetings (`[{clusters, slot?, table?}]`); the event must stay valid. */
  async replaceFixed(eventId: string, fixed: unknown): Promise<EventRecord> {
    const event = await this.require(eventId);
    this.assertNotFrozen(event);
    const document = asDocument(await this.currentFile(eventId));
    document.fixed = fixed;
    const result = parseEventFile(document);
    if (!result.ok) throw validationFailed(result.errors, 'The fixed meetings are not valid.');
    return this.events.updateSettings(eventId, result.value.event, result.value.fixed);
  }

  async changeStatus(eventId: string, to: unknown): Promise<EventRecord> {
    if (!isEventStatus(to)) {
      throw validationFailed([
        {
          path: 'status',
          message: `expected one of draft, open, closed, scheduled, published; got ${JSON.stringify(to)}`,
        },
      ]);
    }
    const event = await this.require(eventId);
    assertTransition(event.status, to);
    if (!(await this.events.changeStatus(eventId, event.status, to))) {
      const now = await this.require(eventId);
      throw new DomainError(
        'INVALID_STATUS_TRANSITION',
        `The event changed from ${event.status} to ${now.status} meanwhile; try again.`,
      );
    }
    return this.require(eventId);
  }

  /** Creates an event from an `interclustering-event/1` file, in one transaction; nothing stored on error. */
  async importEvent(document: unknown): Promise<string> {
    const file = parseOrThrow(document);
    return this.events.importEvent(file);
  }

  async exportEvent(eventId: string): Promise<EventFile> {
    await this.require(eventId);
    return this.currentFile(eventId);
  }

  /** The event as an event file, as it is now. */
  async currentFile(eventId: string): Promise<EventFile> {
    const file = await this.events.loadEventFile(eventId);
    if (!file) throw eventNotFound(eventId);
    return file;
  }

  /**
   * The event's status, and an event file with its settings and only the named participants, without
   * wishes, exclusions or fixed meetings: enough to validate one wish list, whatever the event's size.
   * From the in-memory copy of the event's context: write the list with `revision`, which the
   * repository checks, and call forgetWishListContext when it was stale.
   */
  async wishListFile(
    eventId: string,
    clusterIds: readonly string[],
  ): Promise<{ status: EventStatus; file: EventFile; revision: string }> {
    const context = await this.contexts.get(eventId);
    if (!context) throw eventNotFound(eventId);
    return {
      status: context.status,
      revision: context.revision,
      file: {
        format: EVENT_FORMAT,
        event: context.settings,
        clusters: participantsAmong(context, clusterIds),
        wishes: [],
        avoid: [],
        alreadyMet: [],
        fixed: [],
      },
    };
  }

  /** The copy of the event's context of this revision is stale: the next wishListFile reads it again. */
  forgetWishListContext(eventId: string, revision: string): Promise<void> {
    return this.contexts.forget(eventId, revision);
  }

  /** Is `revision` still the event's context revision? If not, the copy is forgotten. */
  async isWishListContextCurrent(eventId: string, revision: string): Promise<boolean> {
    if ((await this.events.contextRevision(eventId)) === revision) return true;
    await this.contexts.forget(eventId, revision);
    return false;
  }

  /** The current event file, validated (before a solve). */
  async validFile(eventId: string): Promise<EventFile> {
    const result = parseEventFile(await this.currentFile(eventId));
    if (!result.ok) {
      throw validationFailed(
        rebaseIssues(result.errors, '', ''),
        'The event is not valid; fix it before solving.',
      );
    }
    return result.value;
  }

  assertNotFrozen(event: EventRecord): void {
    if (isFrozen(event.status)) {
      throw new DomainError(
        'EVENT_FROZEN',
        'A schedule is published: re-open the event (status open) to change it.',
      );
    }
  }
}
