import { PetitionStatus } from './petition.entity';
import { addDays, effectiveStatus, isConveneOverdue } from './petition.rules';

describe('petition rules', () => {
  const now = new Date('2026-06-01T12:00:00Z');

  it('reads an OPEN petition past its expiry as EXPIRED, from the expiry instant on', () => {
    expect(effectiveStatus({ status: PetitionStatus.OPEN, expiresAt: addDays(now, 1) }, now)).toBe(PetitionStatus.OPEN);
    expect(effectiveStatus({ status: PetitionStatus.OPEN, expiresAt: now }, now)).toBe(PetitionStatus.EXPIRED);
    expect(effectiveStatus({ status: PetitionStatus.THRESHOLD_MET, expiresAt: addDays(now, -5) }, now)).toBe(PetitionStatus.THRESHOLD_MET);
  });

  it('flags a met petition whose convene deadline passed', () => {
    expect(isConveneOverdue({ status: PetitionStatus.THRESHOLD_MET, conveneDeadline: addDays(now, -1) }, now)).toBe(true);
    expect(isConveneOverdue({ status: PetitionStatus.THRESHOLD_MET, conveneDeadline: addDays(now, 1) }, now)).toBe(false);
    expect(isConveneOverdue({ status: PetitionStatus.CONVENED, conveneDeadline: addDays(now, -1) }, now)).toBe(false);
  });
});
