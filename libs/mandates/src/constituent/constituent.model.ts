import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@gc/common';
import { ConstituentEntity } from './constituent.entity';
import { ConstituentIdentity } from './identity';

@ObjectType('Constituent', { description: "A constituent's identity; readable only by the coordinators of their delegation." })
export class ConstituentModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The opaque reference everyone else sees, in the ledger for example.' })
  ref: string;

  @Field(() => ID)
  delegationId: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field()
  registeredAt: Date;
}

@ObjectType('ConstituentPage')
export class ConstituentPage extends Paginated(ConstituentModel) {}

@ObjectType('ConstituentErasure', { description: 'What remains of an erased constituent: the opaque reference.' })
export class ConstituentErasureModel {
  @Field()
  ref: string;

  @Field(() => Int)
  mandatesRevoked: number;
}

export const toConstituentModel = (c: ConstituentEntity, identity: ConstituentIdentity): ConstituentModel => ({
  id: c.id,
  ref: c.ref,
  delegationId: c.delegationId,
  ...identity,
  registeredAt: c.createdAt,
});
