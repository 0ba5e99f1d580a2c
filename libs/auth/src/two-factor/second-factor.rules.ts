import { Actor, Role } from '@gc/common';

/** The roles that must sign in with a second factor: the secretariat and coordinators see and change the most. */
export const ROLES_REQUIRING_SECOND_FACTOR: ReadonlySet<Role> = new Set([Role.SECRETARIAT, Role.COORDINATOR]);

export const isSecondFactorRequired = (role: Role): boolean => ROLES_REQUIRING_SECOND_FACTOR.has(role);

/**
 * A session owes a second factor when its account needs one (by role, or because the person enrolled one)
 * and the session has not presented it. Such a session may only enrol, read `me` and log out.
 */
export const owesSecondFactor = (session: { role: Role; factorEnrolled: boolean; sessionSecondFactor: boolean }): boolean =>
  (isSecondFactorRequired(session.role) || session.factorEnrolled) && !session.sessionSecondFactor;

/** The actor of a signed-in request as the access guard sees it; services only need `Actor`. */
export interface SignedInActor extends Actor {
  secondFactorOwed: boolean;
}
