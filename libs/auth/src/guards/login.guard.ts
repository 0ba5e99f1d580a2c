import { createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { DomainError } from '@gc/common';
import { invalidCredentials } from '../auth.errors';
import { UserEntity } from '../account/user.entity';

const LOGIN_REQUEST = 'loginRequest';

/** Runs passport-local on the `login` mutation's input. */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  override getRequest(context: ExecutionContext) {
    const gql = GqlExecutionContext.create(context);
    const graphqlContext = gql.getContext();
    const input = gql.getArgs().input ?? {};
    // passport-local reads credentials from a body: hand it the mutation's input, not the HTTP body.
    graphqlContext[LOGIN_REQUEST] ??= Object.assign(Object.create(graphqlContext.req), {
      body: { email: input.email, password: input.password },
    });
    return graphqlContext[LOGIN_REQUEST];
  }

  override handleRequest<T>(error: unknown, user: T | false): T {
    if (error instanceof DomainError) throw error;
    if (error || !user) throw invalidCredentials();
    return user;
  }
}

/** The user whose credentials LoginGuard accepted. */
export const VerifiedUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): UserEntity => GqlExecutionContext.create(context).getContext()[LOGIN_REQUEST].user,
);
