import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@gc/common';
import { TermVersionEntity } from './term.entity';
import { TermView } from './term.repository';

@ObjectType('AgreementTermVersion', { description: 'One wording of a term; versions are never changed.' })
export class TermVersionModel {
  @Field(() => Int)
  version: number;

  @Field()
  obligation: string;

  @Field()
  responsibleParty: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  dueDate: string | null;

  @Field(() => [String])
  tags: string[];

  @Field(() => String, { nullable: true, description: 'Why this version replaced the previous one; null for version 1.' })
  reason: string | null;

  @Field()
  createdAt: Date;
}

@ObjectType('AgreementTerm', { description: 'One obligation of an agreement, in its current wording, with its compliance standing.' })
export class TermModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  agreementId: string;

  @Field(() => ID)
  committeeId: string;

  councilId: string;

  @Field(() => Int)
  position: number;

  @Field(() => Int, { description: 'The current version.' })
  version: number;

  @Field()
  obligation: string;

  @Field()
  responsibleParty: string;

  @Field(() => String, { nullable: true, description: 'The last day to comply, YYYY-MM-DD.' })
  dueDate: string | null;

  @Field(() => [String])
  tags: string[];
}

@ObjectType('AgreementTermPage')
export class TermPage extends Paginated(TermModel) {}

export const toTermModel = (t: TermView): TermModel => ({ ...t });

export const toTermVersionModel = (v: TermVersionEntity): TermVersionModel => ({
  version: v.version,
  obligation: v.obligation,
  responsibleParty: v.responsibleParty,
  dueDate: v.dueDate,
  tags: v.tags,
  reason: v.reason,
  createdAt: v.createdAt,
});
