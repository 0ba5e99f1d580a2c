import { Args, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor, Role } from '@gc/common';
import { AuthAuditService } from './auth-audit.service';
import { AuthEventArgs, AuthEventPageModel, toAuthEventModel } from './auth-event.model';

@Resolver()
export class AuthEventResolver {
  constructor(private readonly audit: AuthAuditService) {}

  @Allow(Role.SECRETARIAT)
  @Query(() => AuthEventPageModel, { description: 'Sign-in security events of the council, newest first, kept for a short time.' })
  async authEvents(@CurrentActor() actor: Actor, @Args() args: AuthEventArgs): Promise<AuthEventPageModel> {
    const page = await this.audit.list(actor, args.userId ?? null, args.limit, args.offset);
    return { items: page.items.map(toAuthEventModel), totalCount: page.totalCount };
  }
}
