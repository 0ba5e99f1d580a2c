import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Loader } from '@gc/common';
import { SessionModel } from '@gc/sessions';
import { SessionMotionsLoader } from './agenda.loaders';
import { AgendaMotionModel, toAgendaMotionModel } from './agenda.model';
import { AgendaMotion } from './agenda.repository';

@Resolver(() => SessionModel)
export class SessionMotionsResolver {
  @ResolveField(() => [AgendaMotionModel], {
    description: 'The agenda lines that put resolutions and amendments to the vote, in agenda order.',
  })
  async motions(
    @Parent() session: SessionModel,
    @Loader(SessionMotionsLoader) loader: DataLoader<string, AgendaMotion[]>,
  ): Promise<AgendaMotionModel[]> {
    return (await loader.load(session.id)).map(toAgendaMotionModel);
  }
}
