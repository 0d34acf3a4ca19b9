import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { parseEventFile, type TimeWindow, type ValidationIssue } from '@app/scheduling';
import { parseCsv } from '../domain/csv';
import { DomainError, unauthorized, validationFailed } from '../domain/errors';
import { acceptsManagerWishes } from '../domain/event-status';
import { hashInviteToken, isWellFormedInviteToken, newInviteToken, sameHash } from '../domain/invite-token';
import type { Actor, DirectoryCluster, Participant } from '../domain/model';
import { slugify, uniqueSlug } from '../domain/slug';
import { asDocument, rebaseIssues } from '../domain/validation';
import { ClusterRepository, ParticipantRepository } from '../ports/repositories';
import { assertClusterAccess, assertEventAccess } from './access';
import { readClusterInput } from './directory.service';
import { EventService } from './event.service';

export interface RegistrationResult {
  registered: string[];
  /** Already taking part. */
  skipped: string[];
  /** Directory entries created on the way. */
  created: string[];
}

export interface Invite {
  clusterId: string;
  token: string;
  url: string;
}

/** What a manager may see of the other participants: no wishes, no contact. */
export interface PublicParticipant {
  id: string;
  name: string;
  region: string | null;
  kind: string | null;
}

const CSV_COLUMNS: Record<string, 'id' | 'name' | 'region' | 'kind' | 'contactEmail'> = {
  id: 'id',
  name: 'name',
  region: 'region',
  kind: 'kind',
  'contact email': 'contactEmail',
  contactemail: 'contactEmail',
  contact_email: 'contactEmail',
  email: 'contactEmail',
};

@Injectable()
export class ParticipantService {
  constructor(
    private readonly participants: ParticipantRepository,
    private readonly clusters: ClusterRepository,
    private readonly events: EventService,
    private readonly config: AppConfig,
  ) {}

  async list(actor: Actor, eventId: string): Promise<Participant[] | PublicParticipant[]> {
    assertEventAccess(actor, eventId);
    await this.events.require(eventId);
    const list = await this.participants.list(eventId);
    if (actor.kind === 'organiser') return list;
    return list.map(({ cluster }) => ({
      id: cluster.id,
      name: cluster.name,
      region: cluster.region,
      kind: cluster.kind,
    }));
  }

  async get(actor: Actor, eventId: string, clusterId: string): Promise<Participant> {
    assertClusterAccess(actor, eventId, clusterId);
    return this.require(eventId, clusterId);
  }

  async require(eventId: string, clusterId: string): Promise<Participant> {
    await this.events.require(eventId);
    const participant = await this.participants.get(eventId, clusterId);
    if (!participant) {
      throw new DomainError(
        'PARTICIPANT_NOT_FOUND',
        `Cluster ${JSON.stringify(clusterId)} does not take part in this event.`,
      );
    }
    return participant;
  }

  /**
   * Registers clusters in an event, in one transaction. Each item is `{id}` (a directory cluster) or
   * `{id?, name, region?, kind?, contactEmail?}` (found by id, else by name, else created).
   */
  async register(eventId: string, items: unknown, path = 'clusters'): Promise<RegistrationResult> {
    if (!Array.isArray(items) || items.length === 0) {
      throw validationFailed([{ path, message: 'expected a non-empty list of clusters' }]);
    }
    return this.registerRows(
      eventId,
      items.map((item, i) => ({ item, path: `${path}[${i}]` })),
    );
  }

  /** Registers the clusters of a CSV file with a header line: name, region, kind, contact email (id optional). */
  async registerCsv(eventId: string, text: string): Promise<RegistrationResult> {
    const rows = parseCsv(text);
    if (rows.length < 2)
      throw validationFailed([{ path: 'csv', message: 'expected a header line and at least one row' }]);
    const header = rows[0].cells.map((cell) => cell.trim().toLowerCase());
    const issues: ValidationIssue[] = [];
    header.forEach((name, i) => {
      if (!CSV_COLUMNS[name])
        issues.push({
          path: `csv.line1[${i + 1}]`,
          message: `unknown column ${JSON.stringify(name)}; expected name, region, kind, contact email (and id)`,
        });
    });
    if (!header.includes('name'))
      issues.push({ path: 'csv.line1', message: 'the column "name" is required' });
    if (issues.length > 0) throw validationFailed(issues, 'The CSV file is not valid.');
    return this.registerRows(
      eventId,
      rows.slice(1).map((row) => {
        const item: Record<string, string> = {};
        header.forEach((name, i) => {
          const value = (row.cells[i] ?? '').trim();
          if (value !== '') item[CSV_COLUMNS[name]] = value;
        });
        return { item, path: `csv.line${row.line}` };
      }),
    );
  }

  private async registerRows(
    eventId: string,
    rows: { item: unknown; path: string }[],
  ): Promise<RegistrationResult> {
    const event = await this.events.require(eventId);
    this.events.assertNotFrozen(event);
    const directory = await this.clusters.list();
    const byId = new Map(directory.map((c) => [c.id, c]));
    const byName = new Map(directory.map((c) => [c.name.toLocaleLowerCase('fr'), c]));
    const issues: ValidationIssue[] = [];
    const chosen: { id: string; path: string }[] = [];
    const create: DirectoryCluster[] = [];
    const newIds = new Set<string>();

    for (const { item, path } of rows) {
      const onlyId =
        typeof item === 'object' && item !== null && Object.keys(item).length === 1 && 'id' in item;
      if (onlyId) {
        const id = (item as { id: unknown }).id;
        if (typeof id !== 'string' || !byId.has(id)) {
          issues.push({ path: `${path}.id`, message: `no cluster ${JSON.stringify(id)} in the directory` });
        } else chosen.push({ id, path });
        continue;
      }
      const read = readClusterInput(item, path, { idRequired: false });
      if (!read.cluster) {
        issues.push(...read.issues);
        continue;
      }
      const wanted = read.cluster;
      const existing =
        wanted.id !== undefined ? byId.get(wanted.id) : byName.get(wanted.name.toLocaleLowerCase('fr'));
      if (existing) {
        chosen.push({ id: existing.id, path });
        continue;
      }
      const id =
        wanted.id ??
        uniqueSlug(slugify(wanted.name), (candidate) => byId.has(candidate) || newIds.has(candidate));
      const cluster: DirectoryCluster = { ...wanted, id };
      newIds.add(id);
      byId.set(id, cluster);
      byName.set(cluster.name.toLocaleLowerCase('fr'), cluster);
      create.push(cluster);
      chosen.push({ id, path });
    }
    if (issues.length > 0) throw validationFailed(issues, 'Some clusters are not valid.');

    // The event must stay valid with the new participants (unique names, regions under cross-region…).
    const current = await this.events.currentFile(eventId);
    const document = asDocument(current);
    const known = new Set(current.clusters.map((c) => c.id));
    const added: { id: string; path: string }[] = [];
    for (const entry of chosen) {
      if (known.has(entry.id)) continue;
      known.add(entry.id);
      added.push(entry);
      const cluster = byId.get(entry.id) as DirectoryCluster;
      (document.clusters as object[]).push({
        id: cluster.id,
        name: cluster.name,
        ...(cluster.region ? { region: cluster.region } : {}),
        ...(cluster.kind ? { kind: cluster.kind } : {}),
      });
    }
    const result = parseEventFile(document);
    if (!result.ok) {
      let errors = result.errors;
      added.forEach((entry, k) => {
        errors = rebaseIssues(errors, `clusters[${current.clusters.length + k}]`, entry.path);
      });
      throw validationFailed(errors, 'The event would not be valid with these clusters.');
    }
    const outcome = await this.participants.register(
      eventId,
      chosen.map((entry) => entry.id),
      create,
    );
    return { ...outcome, created: create.map((c) => c.id) };
  }

  async unregister(eventId: string, clusterId: string): Promise<void> {
    const event = await this.events.require(eventId);
    this.events.assertNotFrozen(event);
    await this.require(eventId, clusterId);
    await this.participants.unregister(eventId, clusterId);
  }

  async getAvailability(
    actor: Actor,
    eventId: string,
    clusterId: string,
  ): Promise<{ availability: TimeWindow[] | null; version: number }> {
    const participant = await this.get(actor, eventId, clusterId);
    return { availability: participant.availability, version: participant.version };
  }

  /** Replaces a cluster's availability windows (null: every slot); returns the new version. */
  async setAvailability(
    actor: Actor,
    eventId: string,
    clusterId: string,
    availability: unknown,
    expectedVersion?: number,
  ): Promise<number> {
    assertClusterAccess(actor, eventId, clusterId);
    const event = await this.events.require(eventId);
    this.assertWritable(actor, event.status);
    await this.require(eventId, clusterId);
    const document = asDocument(await this.events.currentFile(eventId));
    const clusters = document.clusters as Record<string, unknown>[];
    const index = clusters.findIndex((c) => c.id === clusterId);
    if (availability === null) delete clusters[index].availability;
    else clusters[index].availability = availability;
    const result = parseEventFile(document);
    if (!result.ok) {
      throw validationFailed(
        rebaseIssues(result.errors, `clusters[${index}].availability`, 'availability'),
        'The availability is not valid.',
      );
    }
    const parsed = result.value.clusters[index].availability ?? null;
    return this.participants.setAvailability(eventId, clusterId, parsed, expectedVersion);
  }

  /** Managers write while the event is open; organisers until a schedule is published. */
  assertWritable(actor: Actor, status: Parameters<typeof acceptsManagerWishes>[0]): void {
    if (actor.kind === 'manager' && !acceptsManagerWishes(status)) {
      throw new DomainError(
        'FORBIDDEN',
        `Wishes and availability can be changed only while the event is open (it is ${status}).`,
      );
    }
    if (actor.kind === 'organiser' && status === 'published') {
      throw new DomainError(
        'EVENT_FROZEN',
        'A schedule is published: re-open the event (status open) to change it.',
      );
    }
  }

  /** Issues a new invite link for a participation (the previous one stops working). */
  async issueInvite(eventId: string, clusterId: string): Promise<Invite> {
    const participant = await this.require(eventId, clusterId);
    const token = newInviteToken();
    await this.participants.setInviteHash(participant.id, hashInviteToken(token));
    return { clusterId, token, url: `${this.config.publicUrl}/invite#${token}` };
  }

  async revokeInvite(eventId: string, clusterId: string): Promise<void> {
    const participant = await this.require(eventId, clusterId);
    await this.participants.setInviteHash(participant.id, null);
  }

  /** The manager an invite token stands for, or UNAUTHORIZED. */
  /**
   * The manager an invite token belongs to, read from the database. With `remembered`, a token this
   * process verified before is recognised from memory instead, and the actor carries its hash
   * (`rememberedTokenHash`): for the one route whose write checks it (the wish-list replacement).
   */
  async authenticateInvite(
    token: string,
    options: { remembered?: boolean } = {},
  ): Promise<Actor & { kind: 'manager' }> {
    if (!isWellFormedInviteToken(token)) throw unauthorized('This invite link is not valid.');
    const hash = hashInviteToken(token);
    if (options.remembered) {
      const known = this.verifiedInvites.get(hash.toString('base64'));
      if (known) return { ...known, rememberedTokenHash: hash };
    }
    return this.verifyInviteHash(hash);
  }

  /** Reads the owner of an invite token hash again (and remembers it); UNAUTHORIZED if none. */
  async verifyInviteHash(hash: Buffer): Promise<Actor & { kind: 'manager' }> {
    const key = hash.toString('base64');
    const owner = await this.participants.findByInviteHash(hash);
    if (!owner || !sameHash(owner.tokenHash, hash)) {
      this.verifiedInvites.delete(key);
      throw unauthorized('This invite link is not valid or was revoked.');
    }
    const actor = {
      kind: 'manager' as const,
      eventId: owner.eventId,
      clusterId: owner.clusterId,
      participantId: owner.participantId,
    };
    this.verifiedInvites.delete(key);
    this.verifiedInvites.set(key, actor);
    if (this.verifiedInvites.size > VERIFIED_INVITES_KEPT) {
      this.verifiedInvites.delete(this.verifiedInvites.keys().next().value as string);
    }
    return actor;
  }

  /** Invite token hashes (base64) this process verified, oldest first: for `remembered`. */
  private readonly verifiedInvites = new Map<
    string,
    { kind: 'manager'; eventId: string; clusterId: string; participantId: string }
  >();
}

/** How many verified invite tokens a process remembers (a few MB at most). */
const VERIFIED_INVITES_KEPT = 20_000;
