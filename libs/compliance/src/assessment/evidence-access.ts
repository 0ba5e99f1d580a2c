import { EvidenceVisibility } from './assessment.entity';

/**
 * What one caller may do with a council's agreements, worked out once per request: the secretariat manages
 * every agreement of its council and reads all its restricted evidence; a delegate does so for the agreements
 * of the committees they sit on; everyone else (the public, coordinators, other delegates) for none.
 */
export interface ComplianceScope {
  /** The secretariat's council, when the caller is the secretariat. */
  secretariatOf: string | null;
  committeeIds: ReadonlySet<string>;
}

export const NO_SCOPE: ComplianceScope = { secretariatOf: null, committeeIds: new Set() };

/** Manage the agreement, assess its terms, read its restricted evidence: one rule (DOMAIN.md roles table). */
export const mayActFor = (scope: ComplianceScope, owner: { councilId: string; committeeId: string }): boolean =>
  scope.secretariatOf === owner.councilId || scope.committeeIds.has(owner.committeeId);

/** The items a caller may see in full: every PUBLIC one, RESTRICTED ones only within scope. */
export const visibleEvidence = <T extends { visibility: EvidenceVisibility; councilId: string; committeeId: string }>(
  items: readonly T[],
  scope: ComplianceScope,
): T[] => items.filter((item) => item.visibility === EvidenceVisibility.PUBLIC || mayActFor(scope, item));

export const restrictedCount = (items: readonly { visibility: EvidenceVisibility }[]): number =>
  items.filter((item) => item.visibility === EvidenceVisibility.RESTRICTED).length;
