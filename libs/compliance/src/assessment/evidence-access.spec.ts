import { EvidenceVisibility } from './assessment.entity';
import { mayActFor, NO_SCOPE, restrictedCount, visibleEvidence } from './evidence-access';

const owner = { councilId: 'council-1', committeeId: 'monitoring' };
const items = [
  { id: 'p', visibility: EvidenceVisibility.PUBLIC, ...owner },
  { id: 'r', visibility: EvidenceVisibility.RESTRICTED, ...owner },
];

describe('evidence access', () => {
  it('gives outsiders the public items only, and the count of restricted ones', () => {
    expect(visibleEvidence(items, NO_SCOPE).map((i) => i.id)).toEqual(['p']);
    expect(visibleEvidence(items, { secretariatOf: null, committeeIds: new Set(['legal']) }).map((i) => i.id)).toEqual(['p']);
    expect(restrictedCount(items)).toBe(1);
  });

  it("gives the owning committee's members and their council's secretariat everything", () => {
    expect(visibleEvidence(items, { secretariatOf: null, committeeIds: new Set(['monitoring']) }).map((i) => i.id)).toEqual(['p', 'r']);
    expect(visibleEvidence(items, { secretariatOf: 'council-1', committeeIds: new Set() }).map((i) => i.id)).toEqual(['p', 'r']);
  });

  it("does not extend a secretariat's reach to another council", () => {
    expect(mayActFor({ secretariatOf: 'council-2', committeeIds: new Set() }, owner)).toBe(false);
  });
});
