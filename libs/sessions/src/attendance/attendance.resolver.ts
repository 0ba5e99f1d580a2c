import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Actor, Allow, CurrentActor, IdPipe, Loader, Role } from '@gc/common';
import { SessionModel } from '../session/session.model';
import { RecordAttendanceInput } from './attendance.inputs';
import { AttendanceModel, QuorumModel } from './attendance.model';
import { AttendanceService } from './attendance.service';
import { QuorumKey, QuorumLoader } from './quorum.loader';

@Resolver(() => SessionModel)
export class AttendanceResolver {
  constructor(private readonly attendance: AttendanceService) {}

  @Allow(Role.DELEGATE)
  @Mutation(() => AttendanceModel, { description: 'Check in to a session in progress (seated delegates).' })
  checkIn(@CurrentActor() actor: Actor, @Args('sessionId', { type: () => ID }, IdPipe) sessionId: string): Promise<AttendanceModel> {
    return this.attendance.checkIn(actor, sessionId, true);
  }

  @Allow(Role.DELEGATE)
  @Mutation(() => AttendanceModel, { description: 'Check out of a session in progress.' })
  checkOut(@CurrentActor() actor: Actor, @Args('sessionId', { type: () => ID }, IdPipe) sessionId: string): Promise<AttendanceModel> {
    return this.attendance.checkIn(actor, sessionId, false);
  }

  @Allow(Role.SECRETARIAT)
  @Mutation(() => AttendanceModel, { description: 'Record a delegate present in (or gone from) the room.' })
  recordAttendance(@CurrentActor() actor: Actor, @Args('input') input: RecordAttendanceInput): Promise<AttendanceModel> {
    return this.attendance.record(actor, input);
  }

  @ResolveField(() => QuorumModel, { description: 'Present and seated now, and whether that is a quorum.' })
  quorum(@Parent() session: SessionModel, @Loader(QuorumLoader) loader: DataLoader<QuorumKey, QuorumModel, string>): Promise<QuorumModel> {
    return loader.load({ sessionId: session.id, councilId: session.councilId });
  }
}
