import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { groupByKey, LoaderFactory } from '@gc/common';
import { LiveCounts, TallyRepository } from '../tally/tally.repository';
import { VoteEntity } from './vote.entity';
import { VoteRepository } from './vote.repository';

/** Every vote of each resolution (on itself and on its amendments), in the order they opened. */
@Injectable()
export class VotesByResolutionLoader implements LoaderFactory<string, VoteEntity[]> {
  constructor(private readonly votes: VoteRepository) {}

  create(): DataLoader<string, VoteEntity[]> {
    return new DataLoader(async (ids) => groupByKey(ids, await this.votes.ofResolutions(ids), (v) => v.resolutionId));
  }
}

@Injectable()
export class VotesByAgendaItemLoader implements LoaderFactory<string, VoteEntity[]> {
  constructor(private readonly votes: VoteRepository) {}

  create(): DataLoader<string, VoteEntity[]> {
    return new DataLoader(async (ids) => groupByKey(ids, await this.votes.ofAgendaItems(ids), (v) => v.agendaItemId));
  }
}

/** Live turnout (and roll-call counts) of many votes in one statement. */
@Injectable()
export class LiveTallyLoader implements LoaderFactory<string, LiveCounts | null> {
  constructor(private readonly tally: TallyRepository) {}

  create(): DataLoader<string, LiveCounts | null> {
    return new DataLoader(async (ids) => {
      const byId = new Map((await this.tally.live(ids)).map((row) => [row.voteId, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }
}
