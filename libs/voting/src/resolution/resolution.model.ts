import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Paginated } from '@gc/common';
import { AmendmentEntity, AmendmentStatus } from './amendment.entity';
import { ResolutionEntity, ResolutionStatus, ResolutionVersionEntity } from './resolution.entity';
import { formatResolutionNumber } from './resolution-number';

registerEnumType(ResolutionStatus, { name: 'ResolutionStatus' });
registerEnumType(AmendmentStatus, { name: 'AmendmentStatus' });

@ObjectType('ResolutionVersion', { description: 'One immutable text of a resolution.' })
export class ResolutionVersionModel {
  @Field(() => Int)
  version: number;

  @Field()
  text: string;

  @Field(() => ID, { nullable: true, description: 'The adopted amendment that produced it; null for the drafted text.' })
  amendmentId: string | null;

  @Field()
  createdAt: Date;
}

@ObjectType('Resolution', { description: 'A text the council votes on. Drafts are visible to signed-in users only.' })
export class ResolutionModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  councilId: string;

  @Field()
  title: string;

  @Field(() => ResolutionStatus)
  status: ResolutionStatus;

  @Field(() => String, { nullable: true, description: 'GC-<year>-<seq>, given at adoption.' })
  number: string | null;

  @Field(() => ID, { nullable: true, description: "Set for a committee's resolution." })
  committeeId: string | null;

  @Field(() => ID)
  draftedByDelegateId: string;

  @Field()
  draftedAt: Date;

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was adopted, rejected or withdrawn.' })
  decidedAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'The text version adopted.' })
  adoptedVersion: number | null;
}

@ObjectType('ResolutionPage')
export class ResolutionPage extends Paginated(ResolutionModel) {}

@ObjectType('Amendment', { description: 'A proposed whole new text for a resolution, voted before the resolution itself.' })
export class AmendmentModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  resolutionId: string;

  @Field(() => ID)
  proposedByDelegateId: string;

  @Field(() => Int, { description: 'The version it rewrites.' })
  baseVersion: number;

  @Field()
  text: string;

  @Field(() => String, { nullable: true })
  rationale: string | null;

  @Field(() => AmendmentStatus)
  status: AmendmentStatus;

  @Field()
  proposedAt: Date;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'The version its adoption produced.' })
  producedVersion: number | null;
}

export const toResolutionModel = (r: ResolutionEntity): ResolutionModel => ({
  id: r.id,
  councilId: r.councilId,
  title: r.title,
  status: r.status,
  number: r.numberYear !== null && r.numberSeq !== null ? formatResolutionNumber(r.numberYear, r.numberSeq) : null,
  committeeId: r.committeeId,
  draftedByDelegateId: r.draftedByDelegateId,
  draftedAt: r.draftedAt,
  submittedAt: r.submittedAt,
  decidedAt: r.decidedAt,
  adoptedVersion: r.adoptedVersion,
});

export const toVersionModel = (v: ResolutionVersionEntity): ResolutionVersionModel => ({
  version: v.version,
  text: v.text,
  amendmentId: v.amendmentId,
  createdAt: v.createdAt,
});

export const toAmendmentModel = (a: AmendmentEntity): AmendmentModel => ({
  id: a.id,
  resolutionId: a.resolutionId,
  proposedByDelegateId: a.proposedByDelegateId,
  baseVersion: a.baseVersion,
  text: a.text,
  rationale: a.rationale,
  status: a.status,
  proposedAt: a.proposedAt,
  decidedAt: a.decidedAt,
  producedVersion: a.producedVersion,
});
