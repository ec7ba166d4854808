/**
 * The route views, each its own chunk so a route only loads what it draws. Shared by the shell
 * (lazy navigation), the client entry (which loads the prerendered route's view before it
 * hydrates, so hydration meets the same markup) and the server entry (which renders it).
 */
import type { Component } from 'svelte';
import type { Route } from '../../model/routes';

export const views: Record<Route, () => Promise<{ default: Component }>> = {
  '': () => import('../overview/Overview.svelte'),
  units: () => import('../units/Units.svelte'),
  spending: () => import('../spending/Spending.svelte'),
  assets: () => import('../assets/Assets.svelte'),
  tables: () => import('../tables/Tables.svelte'),
  operations: () => import('../operations/Operations.svelte'),
  quality: () => import('../quality/Quality.svelte'),
  glossary: () => import('../glossary/Glossary.svelte'),
  screen: () => import('../screen/Screen.svelte'),
  about: () => import('../about/About.svelte'),
  import: () => import('../import/Import.svelte'),
};

/** A view already loaded for `route` (the prerendered one): the shell renders it without an await block. */
export interface InitialView {
  route: Route;
  component: Component;
}
