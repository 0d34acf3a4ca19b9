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

export type AuthenticatedRequest = Request & { actor?: Actor };

/** The authenticated organiser or manager. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.actor) throw new Error('CurrentActor used on a public route');
  return request.actor;
});
