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
