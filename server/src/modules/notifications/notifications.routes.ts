import {
  notification,
  notificationsDeliveryStarted,
  notificationsPage,
  notificationsQuery,
} from '@oselia/contracts';
import { z } from 'zod';
import { type AppRoutes, actorOf } from '../../http/route-types.ts';

const byId = z.object({ id: z.uuid() });

export const notificationsRoutes: AppRoutes = async (app, { services }) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'The outbox: messages owed to people (filter by the record they are about), newest first',
        querystring: notificationsQuery,
        response: { 200: notificationsPage },
      },
      config: { access: 'notifications.read' },
    },
    async (req) => services.notifications.listNotifications(actorOf(req), req.query),
  );

  app.get(
    '/notifications/:id',
    {
      schema: {
        tags: ['notifications'],
        summary: 'One message with its delivery state',
        params: byId,
        response: { 200: notification },
      },
      config: { access: 'notifications.read' },
    },
    async (req) => services.notifications.getNotification(actorOf(req), req.params.id),
  );

  app.post(
    '/notifications/:id/retry',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Send a failed or waiting message again',
        params: byId,
        response: { 200: notification },
      },
      config: { access: 'notifications.manage' },
    },
    async (req) => services.notifications.retryNotification(actorOf(req), req.params.id),
  );

  app.post(
    '/notifications/deliver',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Hand every waiting message to the sender (e.g. after SMTP was configured)',
        response: { 200: notificationsDeliveryStarted },
      },
      config: { access: 'notifications.manage' },
    },
    async (req) => services.notifications.deliverQueued(actorOf(req)),
  );
};
