import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor, IdPipe, OwnTransactions, Public, Role } from '@gc/common';
import { BulletinArgs, CastBallotInput, ReceiptArgs } from './ballot.inputs';
import { BallotReceiptModel, MyBallotModel, ReceiptCheckModel, VoteBulletinModel } from './ballot.model';
import { BallotService } from './ballot.service';

@Resolver()
export class BallotResolver {
  constructor(private readonly service: BallotService) {}

  @Allow(Role.DELEGATE)
  @OwnTransactions()
  @Mutation(() => BallotReceiptModel, {
    description: 'Cast your ballot (delegates on the roll). Roll-call ballots may be changed until close; a secret ballot is final.',
  })
  castBallot(@CurrentActor() actor: Actor, @Args('input') input: CastBallotInput): Promise<BallotReceiptModel> {
    return this.service.cast(actor, input.voteId, input.choice);
  }

  @Public()
  @Query(() => VoteBulletinModel, { description: "A closed vote's public bulletin: every counted ballot's receipt hash, ascending." })
  voteBulletin(@Args() args: BulletinArgs): Promise<VoteBulletinModel> {
    return this.service.bulletin(args.voteId, args.after, args.limit);
  }

  @Public()
  @Query(() => ReceiptCheckModel, { description: 'Check that the ballot with this receipt hash was counted in a closed vote.' })
  ballotReceipt(@Args() args: ReceiptArgs): Promise<ReceiptCheckModel> {
    return this.service.checkReceipt(args.voteId, args.receiptHash);
  }

  @Allow(Role.DELEGATE)
  @Query(() => MyBallotModel, { description: 'Whether you are on the roll of a vote and have voted in it.' })
  myBallot(@CurrentActor() actor: Actor, @Args('voteId', { type: () => ID }, IdPipe) voteId: string): Promise<MyBallotModel> {
    return this.service.mine(actor, voteId);
  }
}
