import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@gc/common';
import { CommitteeEntity } from './committee.entity';

@ObjectType('Committee', { description: 'A standing body of the council that works between sessions.' })
export class CommitteeModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  councilId: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field()
  mandate: string;
}

@ObjectType('CommitteePage')
export class CommitteePage extends Paginated(CommitteeModel) {}

export const toCommitteeModel = (c: CommitteeEntity): CommitteeModel => ({
  id: c.id,
  councilId: c.councilId,
  slug: c.slug,
  name: c.name,
  mandate: c.mandate,
});
