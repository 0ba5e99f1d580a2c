import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Actor, DomainError, ErrorCode, forbidden, Permission, PERMISSIONS_KEY, PUBLIC_KEY, requestOf } from '@gc/common';
import { secondFactorRequired, unauthenticated } from '../auth.errors';
import { SignedInActor } from '../two-factor/second-factor.rules';
import { BEFORE_SECOND_FACTOR_KEY } from './second-factor.decorator';

/**
 * The global guard. Deny by default: an operation must be marked `@Public()` or `@Allow(...)`.
 * A bearer token, when sent, must be valid even on public operations. A session that owes a second factor
 * (see `owesSecondFactor`) passes only operations marked `@AllowBeforeSecondFactor()`, public ones included;
 * the role check comes first, so what a role may never do stays FORBIDDEN.
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
    const actor = (request.user as SignedInActor | undefined) ?? null;
    if (!isPublic) {
      if (!actor) throw unauthenticated();
      if (!permissions!.includes('AUTHENTICATED') && !permissions!.includes(actor.role)) throw forbidden();
    }
    // Public operations too: a token that still owes its second factor must not see more than an anonymous caller.
    if (actor?.secondFactorOwed && this.reflector.getAllAndOverride<boolean>(BEFORE_SECOND_FACTOR_KEY, targets) !== true) {
      throw secondFactorRequired();
    }
    return true;
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
