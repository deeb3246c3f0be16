import {
  createdUser,
  createUserBody,
  mfaSettings,
  resetLink,
  updateUserBody,
  user,
  usersPage,
  usersQuery,
} from '@oselia/contracts';
import { z } from 'zod';
import { type AppRoutes, actorOf } from '../../http/route-types.ts';

const byId = z.object({ id: z.uuid() });

export const usersRoutes: AppRoutes = async (app, { services }) => {
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users of the mission',
        querystring: usersQuery,
        response: { 200: usersPage },
      },
      config: { access: 'users.read' },
    },
    async (req) => services.users.listUsers(req.tenantId, req.query),
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user, with a password or an invitation link',
        body: createUserBody,
        response: { 201: createdUser },
      },
      config: { access: 'users.manage' },
    },
    async (req, reply) =>
      reply.status(201).send(await services.users.createUser(req.tenantId, actorOf(req), req.body)),
  );

  app.get(
    '/users/:id',
    {
      schema: { tags: ['users'], summary: 'One user', params: byId, response: { 200: user } },
      config: { access: 'users.read' },
    },
    async (req) => services.users.getUser(req.tenantId, req.params.id),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change roles, scopes, organisation or name (send the version you read)',
        params: byId,
        body: updateUserBody,
        response: { 200: user },
      },
      config: { access: 'users.manage' },
    },
    async (req) => services.users.updateUser(req.tenantId, actorOf(req), req.params.id, req.body),
  );

  for (const [path, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/users/:id/${path}`,
      {
        schema: {
          tags: ['users'],
          summary: `${path[0]!.toUpperCase()}${path.slice(1)} a user`,
          params: byId,
          response: { 200: user },
        },
        config: { access: 'users.manage' },
      },
      async (req) => services.users.setUserActive(req.tenantId, actorOf(req), req.params.id, active),
    );
  }

  app.post(
    '/users/:id/password-reset',
    {
      schema: {
        tags: ['users'],
        summary: 'Issue a one-time link to choose a new password',
        params: byId,
        response: { 200: resetLink },
      },
      config: { access: 'users.manage' },
    },
    async (req) => services.users.issuePasswordReset(req.tenantId, actorOf(req), req.params.id),
  );

  app.post(
    '/users/:id/totp-reset',
    {
      schema: {
        tags: ['users'],
        summary: 'Turn off two-factor sign-in for a user who lost the device',
        params: byId,
        response: { 200: user },
      },
      config: { access: 'users.manage' },
    },
    async (req) => services.users.resetTotp(req.tenantId, actorOf(req), req.params.id),
  );

  app.get(
    '/settings/mfa',
    {
      schema: {
        tags: ['settings'],
        summary: 'Roles that must use two-factor sign-in',
        response: { 200: mfaSettings },
      },
      config: { access: 'settings.manage' },
    },
    async (req) => ({ requiredRoles: await services.users.readMfaRoles(req.tenantId) }),
  );

  app.put(
    '/settings/mfa',
    {
      schema: {
        tags: ['settings'],
        summary: 'Require two-factor sign-in for these roles',
        body: mfaSettings,
        response: { 200: mfaSettings },
      },
      config: { access: 'settings.manage' },
    },
    async (req) => ({
      requiredRoles: await services.users.writeMfaRoles(req.tenantId, actorOf(req), req.body.requiredRoles),
    }),
  );
};
