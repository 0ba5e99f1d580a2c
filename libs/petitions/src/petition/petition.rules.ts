import { PetitionStatus } from './petition.entity';

/** The status a reader sees: an OPEN petition past its expiry is EXPIRED even before the sweep writes it. */
export function effectiveStatus(petition: { status: PetitionStatus; expiresAt: Date }, now: Date): PetitionStatus {
  if (petition.status === PetitionStatus.OPEN && petition.expiresAt.getTime() <= now.getTime()) return PetitionStatus.EXPIRED;
  return petition.status;
}

/** Met, but not convened by the deadline. */
export function isConveneOverdue(petition: { status: PetitionStatus; conveneDeadline: Date | null }, now: Date): boolean {
  return (
    petition.status === PetitionStatus.THRESHOLD_MET &&
    petition.conveneDeadline !== null &&
    petition.conveneDeadline.getTime() < now.getTime()
  );
}

const DAY_MS = 24 * 3600 * 1000;

export const addDays = (from: Date, days: number): Date => new Date(from.getTime() + days * DAY_MS);
