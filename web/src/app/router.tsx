import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './Layout.tsx';
import { RouteError } from './RouteError.tsx';
import { appRoutes } from './routes.tsx';

const children: RouteObject[] = appRoutes.map((route) =>
  route.index
    ? { index: true, Component: route.Component }
    : { path: route.path, Component: route.Component },
);

export const router = createBrowserRouter([
  {
    path: '/',
    Component: Layout,
    errorElement: <RouteError />,
    children: [{ errorElement: <RouteError inLayout />, children }],
  },
]);
