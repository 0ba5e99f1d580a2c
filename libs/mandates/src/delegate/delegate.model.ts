import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@gc/common';
import { DelegateEntity } from './delegate.entity';

@ObjectType('Delegate', { description: 'A member of one delegation, accredited by its coordinators.' })
export class DelegateModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  councilId: string;

  @Field(() => ID)
  delegationId: string;

  @Field({ description: 'The name as it appears publicly.' })
  displayName: string;

  @Field(() => String, { nullable: true })
  publicAlias: string | null;

  @Field()
  accredited: boolean;

  @Field(() => Date, { nullable: true })
  accreditedAt: Date | null;
}

@ObjectType('DelegatePage')
export class DelegatePage extends Paginated(DelegateModel) {}

@ObjectType('DelegateInvitation', { description: 'Hand the activation token to the delegate privately; it is shown only once.' })
export class DelegateInvitationModel {
  @Field(() => DelegateModel)
  delegate: DelegateModel;

  @Field()
  activationToken: string;

  @Field()
  expiresAt: Date;
}

export const toDelegateModel = (d: DelegateEntity): DelegateModel => ({
  id: d.id,
  councilId: d.councilId,
  delegationId: d.delegationId,
  displayName: d.displayName,
  publicAlias: d.publicAlias,
  accredited: d.accreditedAt !== null,
  accreditedAt: d.accreditedAt,
});
