import { Foundation1795443099681 } from './1795443099681-Foundation';
import { Sessions1795444042768 } from './1795444042768-Sessions';
import { Mandates1795444142362 } from './1795444142362-Mandates';
import { LedgerCheckpoints1795444567816 } from './1795444567816-LedgerCheckpoints';
import { Petitions1795445443801 } from './1795445443801-Petitions';
import { TwoFactorAndAudit1795446408154 } from './1795446408154-TwoFactorAndAudit';
import { Voting1795446480963 } from './1795446480963-Voting';
import { Compliance1795446996116 } from './1795446996116-Compliance';

/** Every migration, oldest first. Rewritten by `npm run migration:generate`. */
export const MIGRATIONS: Function[] = [
  Foundation1795443099681,
  Sessions1795444042768,
  Mandates1795444142362,
  LedgerCheckpoints1795444567816,
  Petitions1795445443801,
  TwoFactorAndAudit1795446408154,
  Voting1795446480963,
  Compliance1795446996116,
];
