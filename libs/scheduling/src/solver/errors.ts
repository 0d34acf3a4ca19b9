import type { FixedMeeting } from '../model';

/** Fixed meetings that cannot all be placed: the organiser must change them (the CLI exits 2). */
export class FixedMeetingsError extends Error {
  constructor(
    public readonly fixed: FixedMeeting[],
    message: string,
  ) {
    super(message);
    this.name = 'FixedMeetingsError';
  }
}
