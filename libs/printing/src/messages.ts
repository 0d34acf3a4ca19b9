import type { UnmetReasonCode } from '@app/scheduling/model';
import type { Lang } from './options';

/** Every word the printed documents use, in French and in English. */
export interface Messages {
  locale: string;
  agendaTitle: string;
  gridTitle: string;
  tableCardsTitle: string;
  time: string;
  table: string;
  partner: string;
  wish: string;
  free: string;
  unavailable: string;
  freeTable: string;
  slotCount(n: number): string;
  meetingCount(n: number): string;
  noClusters: string;
  wishMutual: string;
  wishOwn: string;
  wishPartner: string;
  ownChoice(rank: number): string;
  partnerChoice(rank: number): string;
  wishFixed: string;
  unmetTitle: string;
  unmetLine(rank: number, partner: string): string;
  allWishesMet: string;
  noWishes: string;
  tableNumber(n: number): string;
  tablesRange(first: number, last: number): string;
  slotsRange(first: string, last: string): string;
  versionNumber(v: string): string;
  fingerprint(f: string): string;
  footer(version: string, generated: string): string;
  page(n: number, total: number): string;
  csvHeader: [string, string, string, string, string, string, string];
  yes: string;
  no: string;
  icsSummary(partner: string, table: number): string;
  icsLocation(venue: string | undefined, table: number): string;
  icsCalendarName(cluster: string, event: string): string;
  reasons: Record<UnmetReasonCode, (ctx: ReasonContext) => string>;
}

/** Names a reason may mention: the cluster that wished, the wished partner, the cap. */
export interface ReasonContext {
  from: string;
  to: string;
  max: number;
}

const fr: Messages = {
  locale: 'fr-FR',
  agendaTitle: 'Programme des rendez-vous',
  gridTitle: 'Grille des rendez-vous',
  tableCardsTitle: 'Rendez-vous à cette table',
  time: 'Horaire',
  table: 'Table',
  partner: 'Partenaire',
  wish: 'Souhait',
  free: 'Libre',
  unavailable: 'Non disponible',
  freeTable: 'Table libre',
  slotCount: (n) => (n === 1 ? '1 créneau' : `${n} créneaux`),
  meetingCount: (n) => (n === 0 ? 'Aucun rendez-vous' : n === 1 ? '1 rendez-vous' : `${n} rendez-vous`),
  noClusters: 'Aucun cluster n’est inscrit à cette journée.',
  wishMutual: 'Souhait mutuel',
  wishOwn: 'Votre souhait',
  wishPartner: 'Souhait du partenaire',
  ownChoice: (rank) => `votre choix n° ${rank}`,
  partnerChoice: (rank) => `choix n° ${rank} du partenaire`,
  wishFixed: 'Fixé par l’organisateur',
  unmetTitle: 'Souhaits non satisfaits',
  unmetLine: (rank, partner) => `Choix n° ${rank} — ${partner}`,
  allWishesMet: 'Tous vos souhaits sont satisfaits.',
  noWishes: 'Vous n’avez exprimé aucun souhait.',
  tableNumber: (n) => `Table ${n}`,
  tablesRange: (a, b) => (a === b ? `Table ${a}` : `Tables ${a} à ${b}`),
  slotsRange: (a, b) => `de ${a} à ${b}`,
  versionNumber: (v) => `version ${v}`,
  fingerprint: (f) => `réf. ${f}`,
  footer: (version, generated) => `Planning ${version} · généré le ${generated}`,
  page: (n, total) => `Page ${n} / ${total}`,
  csvHeader: ['Créneau', 'Début', 'Fin', 'Table', 'Cluster A', 'Cluster B', 'Mutuel'],
  yes: 'oui',
  no: 'non',
  icsSummary: (partner, table) => `Rendez-vous : ${partner} (table ${table})`,
  icsLocation: (venue, table) => (venue ? `${venue} — table ${table}` : `Table ${table}`),
  icsCalendarName: (cluster, event) => `${event} — ${cluster}`,
  reasons: {
    'excluded-avoid': ({ to }) => `l’organisateur a exclu une rencontre avec ${to}`,
    'excluded-already-met': ({ to }) =>
      `déjà rencontré ${to} lors d’une journée précédente, et le souhait n’est pas réciproque`,
    'excluded-same-region': ({ to }) => `${to} est de la même région (rencontres interrégionales uniquement)`,
    'no-common-slot': ({ to }) => `aucun créneau où vous et ${to} êtes tous deux disponibles`,
    'wisher-at-cap': ({ max }) => `vous avez déjà vos ${max} rendez-vous`,
    'partner-at-cap': ({ to, max }) => `${to} a déjà ses ${max} rendez-vous`,
    'both-at-cap': ({ to, max }) => `vous et ${to} avez déjà vos ${max} rendez-vous`,
    'no-table-capacity': () => 'plus aucune table libre',
    'not-placeable': ({ to }) => `aucun créneau libre en commun avec ${to}`,
    'unknown-cluster': ({ to }) => `cluster inconnu : ${to}`,
  },
};

const en: Messages = {
  locale: 'en-GB',
  agendaTitle: 'Meeting agenda',
  gridTitle: 'Meeting grid',
  tableCardsTitle: 'Meetings at this table',
  time: 'Time',
  table: 'Table',
  partner: 'Partner',
  wish: 'Wish',
  free: 'Free',
  unavailable: 'Not available',
  freeTable: 'Free table',
  slotCount: (n) => (n === 1 ? '1 slot' : `${n} slots`),
  meetingCount: (n) => (n === 0 ? 'No meeting' : n === 1 ? '1 meeting' : `${n} meetings`),
  noClusters: 'No cluster takes part in this event.',
  wishMutual: 'Mutual wish',
  wishOwn: 'Your wish',
  wishPartner: 'Partner’s wish',
  ownChoice: (rank) => `your choice no. ${rank}`,
  partnerChoice: (rank) => `partner’s choice no. ${rank}`,
  wishFixed: 'Set by the organiser',
  unmetTitle: 'Unmet wishes',
  unmetLine: (rank, partner) => `Choice no. ${rank} — ${partner}`,
  allWishesMet: 'All your wishes are met.',
  noWishes: 'You made no wish.',
  tableNumber: (n) => `Table ${n}`,
  tablesRange: (a, b) => (a === b ? `Table ${a}` : `Tables ${a} to ${b}`),
  slotsRange: (a, b) => `from ${a} to ${b}`,
  versionNumber: (v) => `version ${v}`,
  fingerprint: (f) => `ref. ${f}`,
  footer: (version, generated) => `Schedule ${version} · generated on ${generated}`,
  page: (n, total) => `Page ${n} / ${total}`,
  csvHeader: ['Slot', 'Start', 'End', 'Table', 'Cluster A', 'Cluster B', 'Mutual'],
  yes: 'yes',
  no: 'no',
  icsSummary: (partner, table) => `Meeting: ${partner} (table ${table})`,
  icsLocation: (venue, table) => (venue ? `${venue} — table ${table}` : `Table ${table}`),
  icsCalendarName: (cluster, event) => `${event} — ${cluster}`,
  reasons: {
    'excluded-avoid': ({ to }) => `the organiser excluded a meeting with ${to}`,
    'excluded-already-met': ({ to }) => `already met ${to} at an earlier event, and the wish is not mutual`,
    'excluded-same-region': ({ to }) => `${to} is from the same region (cross-region meetings only)`,
    'no-common-slot': ({ to }) => `no slot in which you and ${to} are both available`,
    'wisher-at-cap': ({ max }) => `you already have your ${max} meetings`,
    'partner-at-cap': ({ to, max }) => `${to} already has its ${max} meetings`,
    'both-at-cap': ({ to, max }) => `you and ${to} already have your ${max} meetings`,
    'no-table-capacity': () => 'no table left',
    'not-placeable': ({ to }) => `no free slot in common with ${to}`,
    'unknown-cluster': ({ to }) => `unknown cluster: ${to}`,
  },
};

const MESSAGES: Record<Lang, Messages> = { fr, en };

export function messages(lang: Lang = 'fr'): Messages {
  return MESSAGES[lang] ?? fr;
}

/** « jeudi 9 juillet 2015 » / “Thursday, 9 July 2015” from `YYYY-MM-DD` (the date only, no zone shift). */
export function formatEventDate(date: string, lang: Lang = 'fr'): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(messages(lang).locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** « 9 juillet 2015 à 10:32 » in the given zone (when the document was generated). */
export function formatInstant(instant: Date, timeZone: string, lang: Lang = 'fr'): string {
  return new Intl.DateTimeFormat(messages(lang).locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(instant);
}

/**
 * An unmet wish's reason in the chosen language, from its stable `code`, naming the partner.
 * Without a code (or an unknown one) the schedule's English `reason` is kept.
 */
export function unmetReasonText(
  lang: Lang,
  code: UnmetReasonCode | undefined,
  fallback: string,
  ctx: ReasonContext,
): string {
  const translate = code ? messages(lang).reasons[code] : undefined;
  return translate ? translate(ctx) : fallback;
}
