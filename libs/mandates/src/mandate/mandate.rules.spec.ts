import { MandateStatus } from './mandate.entity';
import { liveStatus } from './mandate.rules';

describe('liveStatus', () => {
  const now = new Date('2026-03-01T12:00:00Z');

  it('shows a stored ACTIVE mandate at or past its expiry as EXPIRED', () => {
    expect(liveStatus({ status: MandateStatus.ACTIVE, expiresAt: new Date('2026-03-01T11:59:59Z') }, now)).toBe(MandateStatus.EXPIRED);
    expect(liveStatus({ status: MandateStatus.ACTIVE, expiresAt: now }, now)).toBe(MandateStatus.EXPIRED);
  });

  it('keeps ACTIVE before the expiry or without one, and never changes an ended mandate', () => {
    expect(liveStatus({ status: MandateStatus.ACTIVE, expiresAt: new Date('2026-03-01T12:00:01Z') }, now)).toBe(MandateStatus.ACTIVE);
    expect(liveStatus({ status: MandateStatus.ACTIVE, expiresAt: null }, now)).toBe(MandateStatus.ACTIVE);
    expect(liveStatus({ status: MandateStatus.REVOKED, expiresAt: new Date('2020-01-01T00:00:00Z') }, now)).toBe(MandateStatus.REVOKED);
    expect(liveStatus({ status: MandateStatus.SUPERSEDED, expiresAt: null }, now)).toBe(MandateStatus.SUPERSEDED);
  });
});
