import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@gc/common';
import { UserEntity } from './user.entity';

registerEnumType(Role, { name: 'Role' });

@ObjectType('Coordinator', { description: 'A delegation coordinator, as the public sees them.' })
export class CoordinatorModel {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;
}

@ObjectType('Me', { description: 'The signed-in account.' })
export class MeModel {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field(() => Role)
  role: Role;

  @Field(() => ID)
  councilId: string;

  @Field(() => ID, { nullable: true })
  delegationId: string | null;
}

@ObjectType('CoordinatorInvitation', { description: 'Hand the activation token to the coordinator privately; it is shown only once.' })
export class CoordinatorInvitationModel {
  @Field(() => CoordinatorModel)
  coordinator: CoordinatorModel;

  @Field(() => ID)
  delegationId: string;

  @Field()
  activationToken: string;

  @Field()
  expiresAt: Date;
}

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  accessToken: string;

  @Field()
  accessTokenExpiresAt: Date;

  @Field({ description: 'Single use: each refresh returns a new one. Reusing a spent one ends the session.' })
  refreshToken: string;

  @Field()
  refreshTokenExpiresAt: Date;

  @Field(() => MeModel)
  me: MeModel;
}

export const toCoordinatorModel = (user: UserEntity): CoordinatorModel => ({ id: user.id, displayName: user.displayName });

export const toMeModel = (user: UserEntity): MeModel => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  role: user.role,
  councilId: user.councilId,
  delegationId: user.delegationId,
});
