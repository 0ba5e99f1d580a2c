import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Paginated } from '@gc/common';
import { SessionAgendaItemEntity, SessionEntity, SessionKind, SessionStatus } from './session.entity';

registerEnumType(SessionKind, { name: 'SessionKind' });
registerEnumType(SessionStatus, { name: 'SessionStatus' });

@ObjectType('AgendaItem')
export class AgendaItemModel {
  @Field(() => Int)
  position: number;

  @Field()
  title: string;
}

@ObjectType('Session', { description: 'A meeting of the council: REGULAR (biennial) or SPECIAL (convened on a petition).' })
export class SessionModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  councilId: string;

  @Field(() => SessionKind)
  kind: SessionKind;

  @Field(() => SessionStatus)
  status: SessionStatus;

  @Field()
  title: string;

  @Field()
  startsAt: Date;

  @Field()
  endsAt: Date;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => String, { nullable: true })
  onlineLink: string | null;

  @Field()
  convenedAt: Date;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  adjournedAt: Date | null;

  @Field(() => String, { nullable: true })
  cancelReason: string | null;
}

@ObjectType('SessionPage')
export class SessionPage extends Paginated(SessionModel) {}

export const toSessionModel = (s: SessionEntity): SessionModel => ({
  id: s.id,
  councilId: s.councilId,
  kind: s.kind,
  status: s.status,
  title: s.title,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  location: s.location,
  onlineLink: s.onlineLink,
  convenedAt: s.convenedAt,
  startedAt: s.startedAt,
  adjournedAt: s.adjournedAt,
  cancelReason: s.cancelReason,
});

export const toAgendaItemModel = (item: SessionAgendaItemEntity): AgendaItemModel => ({ position: item.position, title: item.title });
