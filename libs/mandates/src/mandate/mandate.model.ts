import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MandateEntity, MandateStatus } from './mandate.entity';
import { liveStatus } from './mandate.rules';

registerEnumType(MandateStatus, { name: 'MandateStatus' });

@ObjectType('Mandate', { description: "A constituent's authorization for one delegate of the same delegation." })
export class MandateModel {
  @Field(() => ID)
  id: string;

  @Field({ description: "The constituent's opaque reference." })
  constituentRef: string;

  @Field(() => ID)
  delegateId: string;

  @Field(() => MandateStatus, { description: 'EXPIRED as soon as the expiry passes.' })
  status: MandateStatus;

  @Field()
  issuedAt: Date;

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  endedAt: Date | null;
}

export const toMandateModel = (m: MandateEntity, constituentRef: string, now = new Date()): MandateModel => {
  const status = liveStatus(m, now);
  return {
    id: m.id,
    constituentRef,
    delegateId: m.delegateId,
    status,
    issuedAt: m.issuedAt,
    expiresAt: m.expiresAt,
    endedAt: status === MandateStatus.EXPIRED ? (m.endedAt ?? m.expiresAt) : m.endedAt,
  };
};
