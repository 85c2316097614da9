import { lazy, type ComponentType } from 'react';

/**
 * A component loaded on demand (a page, a dialog): its module becomes its own chunk, fetched the first
 * time it renders.
 * Cairn's modules export named components, so the loader picks the export by name.
 */
export function lazyNamed<Props extends object, Name extends string>(load: () => Promise<Record<Name, ComponentType<Props>>>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] }));
}
