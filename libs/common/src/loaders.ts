import { createParamDecorator, ExecutionContext, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import DataLoader from 'dataloader';

/** A singleton that knows how to batch one relation; `create()` is called once per request. */
export interface LoaderFactory<K, V> {
  create(): DataLoader<K, V>;
}

/** Per-request DataLoaders, created lazily so a request pays only for the relations it reads. */
export class RequestLoaders {
  private readonly loaders = new Map<Type<unknown>, DataLoader<unknown, unknown>>();

  constructor(private readonly moduleRef: ModuleRef) {}

  get<K, V>(factory: Type<LoaderFactory<K, V>>): DataLoader<K, V> {
    let loader = this.loaders.get(factory);
    if (!loader) {
      loader = this.moduleRef.get(factory, { strict: false }).create() as DataLoader<unknown, unknown>;
      this.loaders.set(factory, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Injects this request's DataLoader built by the given factory. */
export const Loader = createParamDecorator((factory: Type<LoaderFactory<unknown, unknown>>, context: ExecutionContext) =>
  (GqlExecutionContext.create(context).getContext().loaders as RequestLoaders).get(factory),
);

/** Orders grouped rows to match the keys DataLoader asked for. */
export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** One parent's page of a list relation; parents that ask for the same window are loaded together. */
export interface PageKey {
  parentId: string;
  limit: number;
  offset: number;
}

/**
 * A DataLoader of per-parent pages (`delegation.delegates(limit, offset)`): one `fetch` per distinct window
 * among the parents a request asks for, usually exactly one.
 */
export function pagedLoader<V>(
  fetch: (parentIds: string[], limit: number, offset: number) => Promise<Map<string, { items: V[]; totalCount: number }>>,
): DataLoader<PageKey, { items: V[]; totalCount: number }, string> {
  const cacheKey = (key: PageKey) => `${key.parentId}:${key.limit}:${key.offset}`;
  return new DataLoader(
    async (keys) => {
      const windows = new Map<string, { limit: number; offset: number; parentIds: Set<string> }>();
      for (const key of keys) {
        const id = `${key.limit}:${key.offset}`;
        const window = windows.get(id) ?? { limit: key.limit, offset: key.offset, parentIds: new Set<string>() };
        window.parentIds.add(key.parentId);
        windows.set(id, window);
      }
      const pages = new Map<string, { items: V[]; totalCount: number }>();
      for (const window of windows.values()) {
        const fetched = await fetch([...window.parentIds], window.limit, window.offset);
        for (const parentId of window.parentIds) {
          pages.set(cacheKey({ parentId, ...window }), fetched.get(parentId) ?? { items: [], totalCount: 0 });
        }
      }
      return keys.map((key) => pages.get(cacheKey(key))!);
    },
    { cacheKeyFn: cacheKey },
  );
}
