import { Foundation1795443099681 } from './1795443099681-Foundation';
import { Sessions1795444042768 } from './1795444042768-Sessions';

/** Every migration, oldest first. Rewritten by `npm run migration:generate`. */
export const MIGRATIONS: Function[] = [
  Foundation1795443099681,
  Sessions1795444042768,
];
