import { createUnionType } from '@nestjs/graphql';
import { AuthPayloadModel } from '../account/account.model';
import { SecondFactorChallengeModel } from '../two-factor/second-factor.model';

export const LoginResult = createUnionType({
  name: 'LoginResult',
  description: 'Tokens, when the account has no second factor; otherwise a challenge to answer with `verifySecondFactor`.',
  types: () => [AuthPayloadModel, SecondFactorChallengeModel] as const,
  resolveType: (value: AuthPayloadModel | SecondFactorChallengeModel) =>
    'challengeToken' in value ? SecondFactorChallengeModel : AuthPayloadModel,
});
