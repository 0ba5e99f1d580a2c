import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Actor, DomainError, ErrorCode, forbidden, Permission, PERMISSIONS_KEY, PUBLIC_KEY, requestOf } from '@gc/common';
import { unauthenticated } from '../auth.errors';

/**
 * The global guard. Deny by default: an operation must be marked `@Public()` or `@Allow(...)`.
 * A bearer token, when sent, must be valid even on public operations.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true;
    const permissions = this.reflector.getAllAndOverride<Permission[] | undefined>(PERMISSIONS_KEY, targets);
    if (!isPublic && !permissions?.length) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'This operation declares no permission and is closed to everyone');
    }
    const request = requestOf(context);
    if (request.headers.authorization) await super.canActivate(context);
    const actor = request.user ?? null;
    if (isPublic) return true;
    if (!actor) throw unauthenticated();
    if (permissions!.includes('AUTHENTICATED') || permissions!.includes(actor.role)) return true;
    throw forbidden();
  }

  override getRequest(context: ExecutionContext) {
    return requestOf(context);
  }

  override handleRequest<T = Actor>(error: unknown, actor: T | false): T {
    if (error instanceof DomainError) throw error;
    if (error || !actor) throw unauthenticated('The access token is invalid or expired; sign in again');
    return actor;
  }
}
