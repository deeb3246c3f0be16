import { type ComponentType, lazy } from 'react';
import { NotFoundPage } from '../features/errors/NotFoundPage.tsx';
import type { Messages } from '../i18n/uk.ts';

/**
 * Every page of the app. To add one: write it under `features/<module>/`, add an entry here,
 * and give it `nav` if it belongs in the main navigation (its label lives under `nav.*` in
 * the messages). Pages are code-split with `React.lazy`.
 */
export interface AppRoute {
  /** Path relative to `/`; `index: true` for the home page. */
  path?: string;
  index?: boolean;
  Component: ComponentType;
  nav?: {
    label: keyof Messages['nav'];
    /** Position in the navigation, lower first. */
    order: number;
    /** Where the link points, when it differs from `path`. */
    to?: string;
  };
}

/** `React.lazy` for modules with named exports. */
function page<M extends Record<string, unknown>, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

export const appRoutes: AppRoute[] = [
  {
    index: true,
    Component: page(() => import('../features/home/HomePage.tsx'), 'HomePage'),
    nav: { label: 'home', order: 10, to: '/' },
  },
  {
    path: 'places',
    Component: page(() => import('../features/places/PlacesPage.tsx'), 'PlacesPage'),
    nav: { label: 'places', order: 20 },
  },
  {
    path: 'places/:pcode',
    Component: page(() => import('../features/places/PlacesPage.tsx'), 'PlacesPage'),
  },
  {
    path: 'jobs',
    Component: page(() => import('../features/jobs/JobsPage.tsx'), 'JobsPage'),
    nav: { label: 'jobs', order: 30 },
  },
  {
    path: 'jobs/:id',
    Component: page(() => import('../features/jobs/JobDetailPage.tsx'), 'JobDetailPage'),
  },
  {
    path: '*',
    // Small, and also used by the error boundary, so not split out.
    Component: NotFoundPage,
  },
];

export interface NavItem {
  to: string;
  label: keyof Messages['nav'];
  /** Match only the exact path (the home link). */
  end: boolean;
}

/** The main navigation, built from the routes that ask for it. */
export const navItems: NavItem[] = appRoutes
  .filter((route): route is AppRoute & { nav: NonNullable<AppRoute['nav']> } => route.nav !== undefined)
  .sort((a, b) => a.nav.order - b.nav.order)
  .map((route) => {
    const to = route.nav.to ?? `/${route.path ?? ''}`;
    return { to, label: route.nav.label, end: to === '/' };
  });
