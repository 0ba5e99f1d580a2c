import { Foundation1795443099681 } from './1795443099681-Foundation';

/** Every migration, oldest first. Rewritten by `npm run migration:generate`. */
export const MIGRATIONS: Function[] = [Foundation1795443099681];
