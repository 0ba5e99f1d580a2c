import { SetMetadata } from '@nestjs/common';

export const OWN_TRANSACTIONS_KEY = 'gc:own-transactions';

/**
 * By default every mutation runs in one transaction. A mutation marked with this commits its own
 * steps instead, because it must record something even when it then fails (a failed sign-in
 * counts toward a lock; a reused refresh token revokes its session).
 */
export const OwnTransactions = () => SetMetadata(OWN_TRANSACTIONS_KEY, true);
