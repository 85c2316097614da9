import { lazy, type ComponentType } from 'react';

/**
 * A page loaded on demand: its module becomes its own chunk, fetched the first time the route renders.
 * Pages export named components, so the loader picks the export by name.
 */
export function lazyPage<Props extends object, Name extends string>(load: () => Promise<Record<Name, ComponentType<Props>>>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] }));
}
