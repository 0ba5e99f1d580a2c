import { AmendmentStatus } from './amendment.entity';
import { ResolutionStatus } from './resolution.entity';

/** Authors may withdraw a resolution until its vote opens. */
export const WITHDRAWABLE: readonly ResolutionStatus[] = [ResolutionStatus.DRAFT, ResolutionStatus.SUBMITTED, ResolutionStatus.ON_AGENDA];

/** Amendments are proposed once the text is submitted and until its own vote opens. */
export const AMENDABLE: readonly ResolutionStatus[] = [ResolutionStatus.SUBMITTED, ResolutionStatus.ON_AGENDA];

/** The secretariat may put it on a (further) session's agenda until its vote opens. */
export const PLACEABLE: readonly ResolutionStatus[] = [ResolutionStatus.SUBMITTED, ResolutionStatus.ON_AGENDA];

export const AMENDMENT_PLACEABLE: readonly AmendmentStatus[] = [AmendmentStatus.SUBMITTED, AmendmentStatus.ON_AGENDA];

export const AMENDMENT_WITHDRAWABLE: readonly AmendmentStatus[] = [AmendmentStatus.SUBMITTED, AmendmentStatus.ON_AGENDA];

/** Placed on an agenda and not yet decided: these must be voted before their resolution. */
export const AMENDMENT_PENDING: readonly AmendmentStatus[] = [AmendmentStatus.ON_AGENDA, AmendmentStatus.VOTING];

/** Proposed but never placed on an agenda: they lapse when the resolution's own vote opens or it is withdrawn. */
export const AMENDMENT_UNSCHEDULED: readonly AmendmentStatus[] = [AmendmentStatus.SUBMITTED];

/** A delegates' draft may be submitted with at least `minSponsors` sponsors seated now (the drafter counts). */
export const hasEnoughSponsors = (seatedSponsors: number, minSponsors: number): boolean => seatedSponsors >= minSponsors;
