import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgendaMotion } from './agenda.repository';

@ObjectType('AgendaMotion', { description: 'A line of a session agenda that puts a resolution or one of its amendments to the vote.' })
export class AgendaMotionModel {
  @Field(() => ID, { description: 'What openVote takes.' })
  agendaItemId: string;

  @Field(() => ID)
  sessionId: string;

  @Field(() => Int, { description: "The line's position in the session's agenda." })
  position: number;

  @Field()
  title: string;

  @Field(() => ID)
  resolutionId: string;

  @Field(() => ID, { nullable: true })
  amendmentId: string | null;
}

export const toAgendaMotionModel = (m: AgendaMotion): AgendaMotionModel => ({ ...m });
