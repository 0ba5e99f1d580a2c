import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@gc/common';
import { AgreementEntity } from './agreement.entity';

@ObjectType('AgreementParty')
export class AgreementPartyModel {
  @Field()
  name: string;

  @Field()
  role: string;
}

@ObjectType('Agreement', {
  description: 'An agreement between local authorities and the civilian population whose implementation a committee monitors.',
})
export class AgreementModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  councilId: string;

  @Field(() => ID, { description: 'The owning committee.' })
  committeeId: string;

  @Field()
  title: string;

  @Field(() => [AgreementPartyModel])
  parties: AgreementPartyModel[];

  @Field({ description: 'YYYY-MM-DD' })
  concludedOn: string;

  @Field()
  place: string;

  @Field(() => [String])
  sourceReferences: string[];

  @Field()
  recordedAt: Date;
}

@ObjectType('AgreementPage')
export class AgreementPage extends Paginated(AgreementModel) {}

export const toAgreementModel = (a: AgreementEntity): AgreementModel => ({
  id: a.id,
  councilId: a.councilId,
  committeeId: a.committeeId,
  title: a.title,
  parties: a.parties.map((p) => ({ name: p.name, role: p.role })),
  concludedOn: a.concludedOn,
  place: a.place,
  sourceReferences: a.sourceReferences,
  recordedAt: a.recordedAt,
});
