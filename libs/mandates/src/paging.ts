import { Page } from '@gc/common';

/** A row of a windowed page query: the parent, its total, and one item id in page order (null for an empty page). */
export interface PageWindowRow {
  parent_id: string;
  total: number;
  id: string | null;
}

/** Assembles the pages a `pagedLoader` asks for from window rows and the entities their ids name. */
export function pagesFrom<T extends { id: string }>(window: PageWindowRow[], entities: T[]): Map<string, Page<T>> {
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const pages = new Map<string, Page<T>>();
  for (const row of window) {
    const page = pages.get(row.parent_id) ?? { items: [], totalCount: row.total };
    if (row.id && byId.has(row.id)) page.items.push(byId.get(row.id)!);
    pages.set(row.parent_id, page);
  }
  return pages;
}
