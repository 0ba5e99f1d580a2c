import { Role } from '@gc/common';
import { isSecondFactorRequired, owesSecondFactor } from './second-factor.rules';

describe('second factor rules', () => {
  it('requires a second factor of the secretariat and coordinators, not of delegates', () => {
    expect(isSecondFactorRequired(Role.SECRETARIAT)).toBe(true);
    expect(isSecondFactorRequired(Role.COORDINATOR)).toBe(true);
    expect(isSecondFactorRequired(Role.DELEGATE)).toBe(false);
  });

  it.each([
    [Role.SECRETARIAT, false, false, true],
    [Role.SECRETARIAT, true, false, true],
    [Role.SECRETARIAT, true, true, false],
    [Role.COORDINATOR, false, false, true],
    [Role.COORDINATOR, true, true, false],
    [Role.DELEGATE, false, false, false],
    [Role.DELEGATE, true, false, true],
    [Role.DELEGATE, true, true, false],
  ])('%s, factor enrolled %s, session presented it %s: owes one = %s', (role, factorEnrolled, sessionSecondFactor, owed) => {
    expect(owesSecondFactor({ role, factorEnrolled, sessionSecondFactor })).toBe(owed);
  });
});
