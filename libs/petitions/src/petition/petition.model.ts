import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Paginated } from '@gc/common';
import { PetitionEntity, PetitionStatus } from './petition.entity';
import { effectiveStatus, isConveneOverdue } from './petition.rules';

registerEnumType(PetitionStatus, { name: 'PetitionStatus' });

@ObjectType('PetitionSnapshot', { description: 'Frozen when the petition met two-thirds: who had signed, S and V, and when.' })
export class PetitionSnapshotModel {
  @Field(() => Int, { description: 'S: seated delegates at that moment.' })
  seated: number;

  @Field(() => Int, { description: 'V: signatures of delegates seated at that moment.' })
  validSignatures: number;

  @Field(() => [ID], { description: 'The seated signers (delegate ids).' })
  signers: string[];

  @Field()
  at: Date;
}

@ObjectType('PetitionProgress')
export class PetitionProgressModel {
  @Field(() => ID)
  petitionId: string;

  @Field(() => PetitionStatus)
  status: PetitionStatus;

  @Field(() => Int, { description: 'S: seated delegates now.' })
  seated: number;

  @Field(() => Int, { description: 'V: signatures of delegates seated now.' })
  validSignatures: number;

  @Field(() => Int, {
    nullable: true,
    description: 'More signatures of seated delegates needed now; null when the threshold cannot be met.',
  })
  signaturesStillNeeded: number | null;
}

@ObjectType('Petition', {
  description: 'A request by delegates to convene a special session; it needs two-thirds of the seated delegates.',
})
export class PetitionModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  councilId: string;

  @Field(() => ID, { description: 'The delegate who opened it.' })
  openedByDelegateId: string;

  @Field()
  purpose: string;

  @Field(() => [String])
  proposedAgenda: string[];

  @Field(() => PetitionStatus, { description: 'EXPIRED as soon as the expiry passes, even before the sweep records it.' })
  status: PetitionStatus;

  @Field()
  openedAt: Date;

  @Field()
  expiresAt: Date;

  @Field(() => PetitionSnapshotModel, { nullable: true })
  snapshot: PetitionSnapshotModel | null;

  @Field(() => Date, { nullable: true, description: 'The secretariat must convene the special session by then.' })
  conveneDeadline: Date | null;

  @Field({ description: 'Met, but not convened by the deadline.' })
  overdue: boolean;

  @Field(() => ID, { nullable: true })
  convenedSessionId: string | null;
}

@ObjectType('PetitionPage')
export class PetitionPage extends Paginated(PetitionModel) {}

export function toPetitionModel(p: PetitionEntity, now = new Date()): PetitionModel {
  return {
    id: p.id,
    councilId: p.councilId,
    openedByDelegateId: p.openedByDelegateId,
    purpose: p.purpose,
    proposedAgenda: p.proposedAgenda,
    status: effectiveStatus(p, now),
    openedAt: p.openedAt,
    expiresAt: p.expiresAt,
    snapshot:
      p.thresholdMetAt && p.snapshotSeated !== null && p.snapshotValidSignatures !== null
        ? { seated: p.snapshotSeated, validSignatures: p.snapshotValidSignatures, signers: p.snapshotSigners ?? [], at: p.thresholdMetAt }
        : null,
    conveneDeadline: p.conveneDeadline,
    overdue: isConveneOverdue(p, now),
    convenedSessionId: p.convenedSessionId,
  };
}
