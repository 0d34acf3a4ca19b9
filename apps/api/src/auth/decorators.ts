import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import type { Actor } from '@app/core';
import type { Request } from 'express';

export const PUBLIC_KEY = 'auth:public';
export const MANAGER_KEY = 'auth:manager';

/** No authentication (login, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * A cluster manager (invite link) may call this route too, within its own event (`:id`) and, when
 * the route has `:clusterId`, its own cluster. Without this decorator routes are for organisers only.
 */
export const ManagerAllowed = () => SetMetadata(MANAGER_KEY, true);

export const INVITE_CHECKED_BY_WRITE_KEY = 'auth:invite-checked-by-write';

/**
 * The route's service checks the invite token in its own writing statement and verifies it before
 * any refusal (the wish-list replacement, see WishService.replace): a token this process verified
 * before is recognised from memory, saving a database round trip in the deadline rush.
 */
export const InviteCheckedByWrite = () => SetMetadata(INVITE_CHECKED_BY_WRITE_KEY, true);

export type AuthenticatedRequest = Request & { actor?: Actor };

/** The authenticated organiser or manager. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.actor) throw new Error('CurrentActor used on a public route');
  return request.actor;
});
