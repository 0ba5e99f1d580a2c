import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { from, lastValueFrom, Observable } from 'rxjs';
import { OWN_TRANSACTIONS_KEY } from '@gc/common';
import { Db } from '@gc/db';

/** Every mutation is one transaction: a failure anywhere in it leaves nothing behind. */
@Injectable()
export class TransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly db: Db,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
    const isRootMutation = info.parentType.name === info.schema.getMutationType()?.name;
    if (!isRootMutation || this.reflector.get<boolean>(OWN_TRANSACTIONS_KEY, context.getHandler())) return next.handle();
    return from(this.db.transaction(() => lastValueFrom(next.handle())));
  }
}
