import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@gc/common';
import { AuthSessionEntity } from './auth-session.entity';

@ObjectType('AuthSession', { description: 'One of your signed-in sessions (a browser or device). No address is kept.' })
export class AuthSessionModel {
  @Field(() => ID)
  id: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'The last sign-in or token refresh of this session.' })
  lastUsedAt: Date | null;

  @Field({ description: 'This is the session making the request.' })
  current: boolean;

  @Field({ description: 'The session presented a second factor.' })
  secondFactor: boolean;
}

@ObjectType('AuthSessionPage')
export class AuthSessionPageModel extends Paginated(AuthSessionModel) {}

export const toAuthSessionModel = (session: AuthSessionEntity, currentSessionId: string): AuthSessionModel => ({
  id: session.id,
  createdAt: session.createdAt,
  lastUsedAt: session.lastUsedAt,
  current: session.id === currentSessionId,
  secondFactor: session.secondFactorAt !== null,
});
