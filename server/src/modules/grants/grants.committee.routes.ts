import {
  committeeSession,
  committeeSessionsList,
  createSessionBody,
  decisionVersionBody,
  grantDecision,
  proposeDecisionBody,
  sessionVersionBody,
  updateSessionBody,
} from '@oselia/contracts';
import { z } from 'zod';
import { type AppRoutes, actorOf } from '../../http/route-types.ts';

const byId = z.object({ id: z.uuid() });
const tags = ['grants: committee'];

export const grantsCommitteeRoutes: AppRoutes = async (app, { services }) => {
  const committee = services.grantsCommittee;

  app.get(
    '/grants/calls/:id/committee-sessions',
    {
      schema: {
        tags,
        summary: 'Committee sessions of a call, newest first, with the call’s budget',
        params: byId,
        response: { 200: committeeSessionsList },
      },
      config: { access: 'grants.committee.manage' },
    },
    async (req) => committee.listSessions(actorOf(req), req.params.id),
  );

  app.post(
    '/grants/calls/:id/committee-sessions',
    {
      schema: {
        tags,
        summary: 'Open a committee session for a call (date, minutes, attendees)',
        params: byId,
        body: createSessionBody,
        response: { 201: committeeSession },
      },
      config: { access: 'grants.committee.manage' },
    },
    async (req, reply) =>
      reply.status(201).send(await committee.createSession(actorOf(req), req.params.id, req.body)),
  );

  app.get(
    '/grants/committee-sessions/:id',
    {
      schema: {
        tags,
        summary: 'A session with its minutes, decisions and the call’s remaining budget',
        params: byId,
        response: { 200: committeeSession },
      },
      config: { access: 'grants.committee.manage' },
    },
    async (req) => committee.getSession(actorOf(req), req.params.id),
  );

  app.patch(
    '/grants/committee-sessions/:id',
    {
      schema: {
        tags,
        summary: 'Edit the minutes, attendees or date of an open session (send the version you read)',
        params: byId,
        body: updateSessionBody,
        response: { 200: committeeSession },
      },
      config: { access: 'grants.committee.manage' },
    },
    async (req) => committee.updateSession(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/grants/committee-sessions/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a session: its minutes become final',
        params: byId,
        body: sessionVersionBody,
        response: { 200: committeeSession },
      },
      config: { access: 'grants.committee.manage' },
    },
    async (req) => committee.closeSession(actorOf(req), req.params.id, req.body.version),
  );

  app.post(
    '/grants/committee-sessions/:id/decisions',
    {
      schema: {
        tags,
        summary: 'Propose a decision: approve with an amount, waiting list, or reject with a reason',
        params: byId,
        body: proposeDecisionBody,
        response: { 201: grantDecision },
      },
      config: { access: 'grants.committee.manage' },
    },
    async (req, reply) =>
      reply.status(201).send(await committee.proposeDecision(actorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/grants/decisions/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a decision (programme manager): the applicant is notified, the application moves',
        params: byId,
        body: decisionVersionBody,
        response: { 200: grantDecision },
      },
      config: { access: 'grants.committee.approve' },
    },
    async (req) => committee.approveDecision(actorOf(req), req.params.id, req.body.version),
  );

  app.post(
    '/grants/decisions/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a decision that was not approved',
        params: byId,
        body: decisionVersionBody,
        response: { 200: grantDecision },
      },
      config: { access: 'grants.committee.manage' },
    },
    async (req) => committee.withdrawDecision(actorOf(req), req.params.id, req.body.version),
  );
};
