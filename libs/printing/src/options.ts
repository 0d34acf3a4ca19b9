/** What every renderer accepts besides the event and the schedule. */

export type Lang = 'fr' | 'en';

export const LANGS: readonly Lang[] = ['fr', 'en'];

export interface RenderOptions {
  /** Language of every printed word; French by default. */
  lang?: Lang;
  /**
   * The schedule's version as the organiser knows it (the stored version number). When absent, a
   * short fingerprint of the meetings is printed instead, so two printouts can still be compared.
   */
  version?: number | string;
  /** When the document was made; printed in the footer and used as the PDF creation date. Default: now. */
  generatedAt?: Date;
  /** Restrict agendas (PDF, HTML) to one cluster; required for the iCalendar file. */
  clusterId?: string;
}

/** A schedule that does not fit the event it is printed with (unknown cluster, slot or table). */
export class PrintInputError extends Error {
  constructor(
    /** Where the problem is, e.g. `meetings[3].clusters[1]` or `clusterId`. */
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'PrintInputError';
  }
}
