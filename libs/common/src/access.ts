import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';

export enum Role {
  SECRETARIAT = 'SECRETARIAT',
  COORDINATOR = 'COORDINATOR',
  DELEGATE = 'DELEGATE',
}

/** The signed-in user as the rest of the code sees them. */
export interface Actor {
  userId: string;
  /** Pseudonymous id written to the ledger instead of anything identifying. */
  actorRef: string;
  sessionId: string;
  role: Role;
  councilId: string;
  /** Set for coordinators and delegates. */
  delegationId: string | null;
}

/** Who may call an operation: a role, or any signed-in user. */
export type Permission = Role | 'AUTHENTICATED';

export const PUBLIC_KEY = 'gc:public';
export const PERMISSIONS_KEY = 'gc:permissions';

/** Anyone, signed in or not, may call this operation. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Callers holding one of these permissions may call this operation; row-level checks stay in services. */
export const Allow = (...permissions: Permission[]) => SetMetadata(PERMISSIONS_KEY, permissions);

export function requestOf(context: ExecutionContext): {
  user?: Actor;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
} {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().req;
  return context.switchToHttp().getRequest();
}

/** The signed-in actor; null on public operations called anonymously. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor | null => requestOf(context).user ?? null);
