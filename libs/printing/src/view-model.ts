import { createHash } from 'node:crypto';
// Module paths, not the '@app/scheduling' index: printing must not load the solver.
import type { Cluster, EventFile, ScheduleFile, Slot } from '@app/scheduling/model';
import { deriveSlots, isAvailable, scheduleSlots } from '@app/scheduling/slots';
import { formatEventDate, formatInstant, messages, unmetReasonText, type Messages } from './messages';
import { PrintInputError, type Lang, type RenderOptions } from './options';

/**
 * What the printed views show, computed once and shared by the PDF and HTML renderers: the
 * per-cluster agendas (each slot with a meeting, free or unavailable; whose wish; unmet wishes),
 * the grid (slot × table) and the documents' header and footer texts.
 */

export interface ClusterView {
  id: string;
  name: string;
  kind?: string;
  region?: string;
  /** « pôle de compétitivité · Rhône-Alpes » (empty when neither is known). */
  details: string;
}

/** Whose wish a meeting serves, from one cluster's point of view. */
export type WishSide = 'mutual' | 'own' | 'partner' | 'fixed';

export interface AgendaMeetingRow {
  kind: 'meeting';
  slot: Slot;
  table: number;
  partner: ClusterView;
  wish: WishSide;
  /** Rank of this cluster's wish for the partner (0: none). */
  ownRank: number;
  /** Rank of the partner's wish for this cluster (0: none). */
  partnerRank: number;
  /** « Souhait mutuel », « Votre souhait », « Souhait du partenaire », « Fixé par l’organisateur » */
  wishText: string;
  /** The ranks (« votre choix n° 1 », « choix n° 3 du partenaire »), one per line; empty for a fixed meeting. */
  wishDetail: string;
}

export interface AgendaFreeRow {
  kind: 'free' | 'unavailable';
  slot: Slot;
}

export type AgendaRow = AgendaMeetingRow | AgendaFreeRow;

export interface UnmetWishView {
  rank: number;
  partner: ClusterView;
  /** « Choix n° 2 — Minalogic » */
  label: string;
  /** Translated from the reason code, naming the partner. */
  reason: string;
}

export interface ClusterAgenda {
  cluster: ClusterView;
  rows: AgendaRow[];
  meetingCount: number;
  /** « 3 rendez-vous » */
  meetingCountText: string;
  wishCount: number;
  unmet: UnmetWishView[];
}

export interface DocumentTexts {
  eventName: string;
  /** « jeudi 9 juillet 2015 » */
  dateText: string;
  venue?: string;
  /** « version 3 » or « réf. 1a2b3c4d » */
  versionText: string;
  /** « Planning version 3 · généré le 9 juillet 2015 à 10:32 » */
  footer: string;
  generatedAt: Date;
}

export interface PrintContext {
  lang: Lang;
  m: Messages;
  event: EventFile;
  schedule: ScheduleFile;
  slots: Slot[];
  clusters: Map<string, ClusterView>;
  texts: DocumentTexts;
}

export interface GridCell {
  table: number;
  /** The pair as in the schedule, or null for a free table. */
  clusters: [ClusterView, ClusterView] | null;
  mutual: boolean;
}

export interface GridRow {
  slot: Slot;
  cells: GridCell[];
}

export interface TableCard {
  table: number;
  rows: { slot: Slot; clusters: [ClusterView, ClusterView] | null }[];
  meetingCount: number;
}

function clusterView(cluster: Cluster): ClusterView {
  return {
    id: cluster.id,
    name: cluster.name,
    kind: cluster.kind,
    region: cluster.region,
    details: [cluster.kind, cluster.region].filter((s) => s && s.trim()).join(' · '),
  };
}

/** A short, stable fingerprint of the meetings: the same schedule always prints the same reference. */
export function scheduleFingerprint(schedule: ScheduleFile): string {
  const meetings = schedule.meetings
    .map((m) => `${m.slot}/${m.table}/${[...m.clusters].sort().join('+')}`)
    .sort()
    .join(';');
  return createHash('sha256').update(meetings).digest('hex').slice(0, 8);
}

/**
 * Checks that the schedule fits the event (every meeting names known clusters, an existing slot
 * and a table in 1..tables) and gathers what every view needs.
 */
export function buildContext(
  event: EventFile,
  schedule: ScheduleFile,
  options: RenderOptions = {},
): PrintContext {
  const lang = options.lang ?? 'fr';
  const m = messages(lang);
  // The event's slots are authoritative (as for the checker); the schedule's list is for people.
  const slots = scheduleSlots(deriveSlots(event.event));
  const slotIndexes = new Set(slots.map((s) => s.index));
  const clusters = new Map(event.clusters.map((c) => [c.id, clusterView(c)]));
  schedule.meetings.forEach((meeting, i) => {
    meeting.clusters.forEach((id, j) => {
      if (!clusters.has(id))
        throw new PrintInputError(`meetings[${i}].clusters[${j}]`, `unknown cluster "${id}"`);
    });
    if (!slotIndexes.has(meeting.slot)) {
      throw new PrintInputError(`meetings[${i}].slot`, `slot ${meeting.slot} does not exist in this event`);
    }
    if (!Number.isInteger(meeting.table) || meeting.table < 1 || meeting.table > event.event.tables) {
      throw new PrintInputError(
        `meetings[${i}].table`,
        `table ${meeting.table} is not in 1..${event.event.tables}`,
      );
    }
  });
  if (options.clusterId !== undefined && !clusters.has(options.clusterId)) {
    throw new PrintInputError('clusterId', `unknown cluster "${options.clusterId}"`);
  }

  const generatedAt = options.generatedAt ?? new Date();
  const versionText =
    options.version !== undefined && String(options.version).trim() !== ''
      ? m.versionNumber(String(options.version))
      : m.fingerprint(scheduleFingerprint(schedule));
  const texts: DocumentTexts = {
    eventName: event.event.name,
    dateText: formatEventDate(event.event.date, lang),
    venue: event.event.venue,
    versionText,
    footer: m.footer(versionText, formatInstant(generatedAt, event.event.timezone, lang)),
    generatedAt,
  };
  return { lang, m, event, schedule, slots, clusters, texts };
}

/** ranks.get(`a>b`) = rank of a's wish for b. */
function wishRanks(event: EventFile): Map<string, number> {
  return new Map(event.wishes.map((w) => [`${w.from}>${w.to}`, w.rank]));
}

/** The agendas, in the event's cluster order; only `clusterId`'s when given. */
export function buildAgendas(ctx: PrintContext, clusterId?: string): ClusterAgenda[] {
  const { event, schedule, m, slots } = ctx;
  const ranks = wishRanks(event);
  const fixedPairs = new Set(event.fixed.map((f) => [...f.clusters].sort().join('+')));
  const chosen = clusterId ? event.clusters.filter((c) => c.id === clusterId) : event.clusters;

  return chosen.map((cluster) => {
    const self = ctx.clusters.get(cluster.id)!;
    const bySlot = new Map<number, AgendaMeetingRow>();
    for (const meeting of schedule.meetings) {
      const side = meeting.clusters.indexOf(cluster.id);
      if (side < 0) continue;
      const partnerId = meeting.clusters[1 - side];
      const ownRank = ranks.get(`${cluster.id}>${partnerId}`) ?? 0;
      const partnerRank = ranks.get(`${partnerId}>${cluster.id}`) ?? 0;
      const wish: WishSide =
        ownRank && partnerRank ? 'mutual' : ownRank ? 'own' : partnerRank ? 'partner' : 'fixed';
      const slot = slots.find((s) => s.index === meeting.slot)!;
      bySlot.set(meeting.slot, {
        kind: 'meeting',
        slot,
        table: meeting.table,
        partner: ctx.clusters.get(partnerId)!,
        wish,
        ownRank,
        partnerRank,
        wishText: { mutual: m.wishMutual, own: m.wishOwn, partner: m.wishPartner, fixed: m.wishFixed }[wish],
        wishDetail: [
          ownRank ? m.ownChoice(ownRank) : '',
          partnerRank ? m.partnerChoice(partnerRank) : '',
          wish !== 'fixed' && fixedPairs.has([cluster.id, partnerId].sort().join('+')) ? m.wishFixed : '',
        ]
          .filter(Boolean)
          .join('\n'),
      });
    }
    const rows: AgendaRow[] = slots.map(
      (slot) => bySlot.get(slot.index) ?? { kind: isAvailable(cluster, slot) ? 'free' : 'unavailable', slot },
    );
    const unmet = schedule.unmetWishes
      .filter((u) => u.from === cluster.id)
      .sort((a, b) => a.rank - b.rank)
      .map((u): UnmetWishView => {
        const partner = ctx.clusters.get(u.to) ?? { id: u.to, name: u.to, details: '' };
        return {
          rank: u.rank,
          partner,
          label: m.unmetLine(u.rank, partner.name),
          reason: unmetReasonText(ctx.lang, u.code, u.reason, {
            from: self.name,
            to: partner.name,
            max: event.event.maxMeetingsPerCluster,
          }),
        };
      });
    return {
      cluster: self,
      rows,
      meetingCount: bySlot.size,
      meetingCountText: m.meetingCount(bySlot.size),
      wishCount: event.wishes.filter((w) => w.from === cluster.id).length,
      unmet,
    };
  });
}

/** The master grid: one row per slot, one cell per table. */
export function buildGrid(ctx: PrintContext): GridRow[] {
  const ranks = wishRanks(ctx.event);
  const tables = ctx.event.event.tables;
  return ctx.slots.map((slot) => {
    const cells: GridCell[] = Array.from({ length: tables }, (_, i) => ({
      table: i + 1,
      clusters: null,
      mutual: false,
    }));
    for (const meeting of ctx.schedule.meetings) {
      if (meeting.slot !== slot.index) continue;
      const [a, b] = meeting.clusters;
      cells[meeting.table - 1] = {
        table: meeting.table,
        clusters: [ctx.clusters.get(a)!, ctx.clusters.get(b)!],
        mutual: ranks.has(`${a}>${b}`) && ranks.has(`${b}>${a}`),
      };
    }
    return { slot, cells };
  });
}

/** One card per table, 1..tables, each listing every slot's pair (or null when free). */
export function buildTableCards(ctx: PrintContext): TableCard[] {
  const grid = buildGrid(ctx);
  return Array.from({ length: ctx.event.event.tables }, (_, i) => {
    const rows = grid.map((row) => ({ slot: row.slot, clusters: row.cells[i].clusters }));
    return { table: i + 1, rows, meetingCount: rows.filter((r) => r.clusters).length };
  });
}
