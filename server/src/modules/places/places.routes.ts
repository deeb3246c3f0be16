import fs from 'node:fs';
import { pcode, placeDetail, placesPage, placesQuery } from '@oselia/contracts';
import { z } from 'zod';
import type { AppRoutes } from '../../http/route-types.ts';

export const placesRoutes: AppRoutes = async (app, { services }) => {
  app.get(
    '/places',
    {
      schema: {
        tags: ['public', 'places'],
        summary: 'List or search administrative units',
        querystring: placesQuery,
        response: { 200: placesPage },
      },
      config: { access: 'public' },
    },
    async (req) => services.places.listPlaces(req.query),
  );

  app.get(
    '/places/oblasts.geojson',
    {
      schema: {
        tags: ['public', 'places'],
        summary: 'Oblast boundaries (OCHA/SSPE Kartographia via HDX, CC BY-IGO 3.0)',
        response: { 200: z.any() },
      },
      config: { access: 'public' },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=86400').type('application/geo+json');
      return reply.send(fs.createReadStream(services.places.oblastsGeoJsonPath()));
    },
  );

  app.get(
    '/places/:pcode',
    {
      schema: {
        tags: ['public', 'places'],
        summary: 'One administrative unit with its ancestors',
        params: z.object({ pcode }),
        response: { 200: placeDetail },
      },
      config: { access: 'public' },
    },
    async (req) => services.places.getPlace(req.params.pcode),
  );
};
