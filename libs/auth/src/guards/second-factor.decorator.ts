import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { requestOf } from '@gc/common';

export const BEFORE_SECOND_FACTOR_KEY = 'gc:before-second-factor';

/**
 * A session that still owes a second factor may call this operation: only what it needs to get one (enrol,
 * read `me`, log out). Everything else answers SECOND_FACTOR_REQUIRED to such a session.
 */
export const AllowBeforeSecondFactor = () => SetMetadata(BEFORE_SECOND_FACTOR_KEY, true);

/** The caller's address as the server sees it (behind a proxy, Express's `trust proxy` decides). Never stored raw. */
export const ClientAddress = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => requestOf(context).ip);
