import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Actor, ParticipantService, forbidden, isInviteToken, unauthorized } from '@app/core';
import { MANAGER_KEY, PUBLIC_KEY, type AuthenticatedRequest } from './decorators';

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
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw unauthorized('Send "Authorization: Bearer <token>" (organiser login or invite link).');

    if (isInviteToken(token)) {
      const actor = await this.participants.authenticateInvite(token);
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
}

export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : undefined;
}
