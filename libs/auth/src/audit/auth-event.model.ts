import { ArgsType, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { PageArgs, Paginated } from '@gc/common';
import { AuthEventDetail, AuthEventEntity, AuthEventKind } from './auth-event.entity';

registerEnumType(AuthEventKind, { name: 'AuthEventKind' });
registerEnumType(AuthEventDetail, { name: 'AuthEventDetail' });

@ObjectType('AuthEvent', {
  description: 'A sign-in security event. Addresses and unknown emails appear only as keyed hashes that change every UTC day.',
})
export class AuthEventModel {
  @Field(() => ID)
  id: string;

  @Field()
  occurredAt: Date;

  @Field(() => AuthEventKind)
  kind: AuthEventKind;

  @Field(() => AuthEventDetail, { nullable: true })
  detail: AuthEventDetail | null;

  @Field(() => ID, { nullable: true, description: 'The account concerned; null when the sign-in named no account.' })
  userId: string | null;

  @Field(() => ID, { nullable: true, description: 'Who acted, when it was not the account itself.' })
  actorUserId: string | null;

  @Field(() => ID, { nullable: true })
  sessionId: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The caller's address as a keyed hash: equal within one UTC day, unrelated across days.",
  })
  addressPseudonym: string | null;

  @Field(() => String, { nullable: true, description: 'For an email that names no account: its keyed hash, equal within one UTC day.' })
  accountPseudonym: string | null;
}

@ObjectType('AuthEventPage')
export class AuthEventPageModel extends Paginated(AuthEventModel) {}

@ArgsType()
export class AuthEventArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only this account's events." })
  @IsOptional()
  @IsUUID()
  userId?: string;
}

export const toAuthEventModel = (event: AuthEventEntity): AuthEventModel => ({
  id: event.id,
  occurredAt: event.occurredAt,
  kind: event.kind,
  detail: event.detail,
  userId: event.userId,
  actorUserId: event.actorUserId,
  sessionId: event.sessionId,
  addressPseudonym: event.addressHash,
  accountPseudonym: event.accountHash,
});
