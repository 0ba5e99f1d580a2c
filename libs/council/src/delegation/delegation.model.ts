import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@gc/common';
import { DelegationEntity } from './delegation.entity';

@ObjectType('Delegation', { description: 'A country delegation: the delegates and constituents living in one country.' })
export class DelegationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  councilId: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  countryCode: string;

  @Field()
  name: string;
}

@ObjectType('DelegationPage')
export class DelegationPage extends Paginated(DelegationModel) {}

export const toDelegationModel = (d: DelegationEntity): DelegationModel => ({
  id: d.id,
  councilId: d.councilId,
  countryCode: d.countryCode,
  name: d.name,
});
