import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { VoteWeighting } from './council.entity';

registerEnumType(VoteWeighting, { name: 'VoteWeighting' });

@ObjectType('CouncilSettings')
export class CouncilSettingsModel {
  @Field(() => Int, { description: 'Months between regular sessions ("meets every two years").' })
  regularIntervalMonths: number;

  @Field(() => Int, { description: 'Active mandates a delegate needs to be seated.' })
  minMandatesToSeat: number;

  @Field(() => Int)
  quorumNumerator: number;

  @Field(() => Int, { description: 'Quorum: present must be strictly more than numerator/denominator of seated.' })
  quorumDenominator: number;

  @Field(() => Int)
  regularNoticeDays: number;

  @Field(() => Int)
  specialNoticeDays: number;

  @Field(() => Int)
  petitionExpiryDays: number;

  @Field(() => Int)
  petitionMaxExpiryDays: number;

  @Field(() => Int, { description: 'Days the secretariat has to convene a special session once a petition meets two-thirds.' })
  specialSessionConveneDays: number;

  @Field(() => VoteWeighting)
  voteWeighting: VoteWeighting;

  @Field(() => Int)
  minSponsors: number;
}

@ObjectType('Council')
export class CouncilModel {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field({ description: 'Founding date, YYYY-MM-DD.' })
  foundedOn: string;

  @Field(() => CouncilSettingsModel)
  settings: CouncilSettingsModel;
}
