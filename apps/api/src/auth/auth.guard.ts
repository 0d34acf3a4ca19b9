import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ThrottlerException, ThrottlerStorage } from '@nestjs/throttler';
import { Actor, DomainError, ParticipantService, forbidden, isInviteToken, unauthorized } from '@app/core';
import {
  INVITE_CHECKED_BY_WRITE_KEY,
  MANAGER_KEY,
  PUBLIC_KEY,
  type AuthenticatedRequest,
} from './decorators';

/** Wrong invite tokens allowed per client address and minute; then invite tokens are refused (429). */
export const INVITE_FAILURE_LIMIT = 10;
const INVITE_FAILURE_WINDOW_MS = 60_000;
/** How long a client address that guessed too many invite tokens stays refused. */
const INVITE_BLOCK_MS = 5 * 60_000;

export interface OrganiserClaims {
  sub: string;
  kind: 'organiser';
}

/**
 * `Authorization: Bearer <token>`: an organiser's JWT, or a manager's invite token (`inv_…`).
 * Managers pass only routes marked @ManagerAllowed, and only for their own event and cluster.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly participants: ParticipantService,
    @Inject(ThrottlerStorage) private readonly throttles: ThrottlerStorage,
  ) {}

  /** Client addresses refused after too many wrong invite tokens → until when (ms). */
  private readonly blockedUntil = new Map<string, number>();

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw unauthorized('Send "Authorization: Bearer <token>" (organiser login or invite link).');

    if (isInviteToken(token)) {
      const remembered = this.reflector.getAllAndOverride<boolean>(INVITE_CHECKED_BY_WRITE_KEY, targets);
      const actor = await this.authenticateInvite(token, request.ip ?? 'unknown', remembered === true);
      if (!this.reflector.getAllAndOverride<boolean>(MANAGER_KEY, targets)) {
        throw forbidden('Only organisers may do this.');
      }
      const params = request.params as Record<string, string | undefined>;
      if (params.id !== undefined && params.id !== actor.eventId)
        throw forbidden('This invite is for another event.');
      if (params.clusterId !== undefined && params.clusterId !== actor.clusterId) {
        throw forbidden("A manager may only read and change its own cluster's data.");
      }
      request.actor = actor;
      return true;
    }

    let claims: OrganiserClaims;
    try {
      claims = await this.jwt.verifyAsync<OrganiserClaims>(token);
    } catch {
      throw unauthorized('The token is not valid or has expired; log in again.');
    }
    if (claims.kind !== 'organiser' || typeof claims.sub !== 'string')
      throw unauthorized('The token is not valid.');
    const actor: Actor = { kind: 'organiser', organiserId: claims.sub };
    request.actor = actor;
    return true;
  }

  /**
   * Invite tokens carry 256 random bits, but guessing is still rate-limited: after
   * INVITE_FAILURE_LIMIT wrong tokens in a minute from one address, every invite token from that
   * address (right or wrong) is refused with 429 for INVITE_BLOCK_MS.
   */
  private async authenticateInvite(
    token: string,
    address: string,
    remembered: boolean,
  ): Promise<Actor & { kind: 'manager' }> {
    const now = Date.now();
    const until = this.blockedUntil.get(address);
    if (until !== undefined && until > now) throw tooManyGuesses();
    if (until !== undefined) this.blockedUntil.delete(address);
    try {
      return await this.participants.authenticateInvite(token, { remembered });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'UNAUTHORIZED') {
        const record = await this.throttles.increment(
          `invite-failures:${address}`,
          INVITE_FAILURE_WINDOW_MS,
          INVITE_FAILURE_LIMIT,
          INVITE_BLOCK_MS,
          'invite-failures',
        );
        if (record.isBlocked) {
          this.blockedUntil.set(address, now + Math.max(1, record.timeToBlockExpire) * 1000);
          throw tooManyGuesses();
        }
      }
      throw error;
    }
  }
}

function tooManyGuesses(): ThrottlerException {
  return new ThrottlerException('Too many invalid invite links from this address; try again later.');
}

export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : undefined;
}
