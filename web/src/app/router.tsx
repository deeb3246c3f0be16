import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequireAccess } from '../features/access/RequireAccess.tsx';
import { Layout } from './Layout.tsx';
import { RouteError } from './RouteError.tsx';
import { appRoutes } from './routes.tsx';

const children: RouteObject[] = appRoutes.map((route) => {
  const { Component, access = 'public' } = route;
  const element =
    access === 'public' ? (
      <Component key={route.path ?? 'index'} />
    ) : (
      <RequireAccess key={route.path ?? 'index'} access={access}>
        <Component />
      </RequireAccess>
    );
  return route.index ? { index: true, element } : { path: route.path, element };
});

export const router = createBrowserRouter([
  {
    path: '/',
    Component: Layout,
    errorElement: <RouteError />,
    children: [{ errorElement: <RouteError inLayout />, children }],
  },
]);
