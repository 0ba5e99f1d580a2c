import { SessionKind, SessionStatus } from './session.entity';

const DAY_MS = 24 * 3600 * 1000;

/** How early the secretariat may open a session before its announced start. */
export const EARLY_START_MS = 60 * 60 * 1000;

export interface NoticeSettings {
  regularNoticeDays: number;
  specialNoticeDays: number;
}

/** The earliest start a session convened at `convenedAt` may have: notice days later, to the millisecond. */
export function earliestStart(kind: SessionKind, convenedAt: Date, settings: NoticeSettings): Date {
  const days = kind === SessionKind.REGULAR ? settings.regularNoticeDays : settings.specialNoticeDays;
  return new Date(convenedAt.getTime() + days * DAY_MS);
}

/** Half-open intervals [start, end) overlap when each starts before the other ends. */
export function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

export type SessionAction = 'start' | 'adjourn' | 'cancel';

const ALLOWED_FROM: Record<SessionAction, SessionStatus> = {
  start: SessionStatus.SCHEDULED,
  adjourn: SessionStatus.IN_PROGRESS,
  cancel: SessionStatus.SCHEDULED,
};

/** SCHEDULED -> IN_PROGRESS -> ADJOURNED, or SCHEDULED -> CANCELLED; nothing else. */
export function canTransition(status: SessionStatus, action: SessionAction): boolean {
  return ALLOWED_FROM[action] === status;
}

/**
 * Quorum: present must be strictly more than numerator/denominator of seated, compared in integers
 * (present x denominator > numerator x seated). With nobody seated there is no quorum.
 */
export function hasQuorum(present: number, seated: number, numerator: number, denominator: number): boolean {
  if (seated <= 0) return false;
  return present * denominator > numerator * seated;
}
