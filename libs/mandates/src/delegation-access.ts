import { Actor, forbidden, Role } from '@gc/common';

/** Row-level rule for everything a delegation keeps about its people: only its own coordinators may act. */
export function assertCoordinatorOf(actor: Actor, delegationId: string): void {
  if (actor.role !== Role.COORDINATOR || actor.delegationId !== delegationId) {
    throw forbidden('Only the coordinators of this delegation may do this');
  }
}
