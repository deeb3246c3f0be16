import {
  attendanceBody,
  attendanceSheet,
  certificate,
  issueCertificatesResult,
  knowledgeSummary,
  knowledgeTest,
  revokeCertificateBody,
  testAnswersBody,
  testBody,
  testParams,
  testScores,
  trainingParticipantsList,
} from '@oselia/contracts';
import { z } from 'zod';
import { type AppRoutes, actorOf } from '../../http/route-types.ts';

const byId = z.object({ id: z.uuid() });
const bySession = z.object({ id: z.uuid(), sessionId: z.uuid() });

/** Running a training: attendance, knowledge tests, completion and certificates. */
export const trainingsDeliveryRoutes: AppRoutes = async (app, { services }) => {
  const { attendance, tests, certificates } = services.trainings;

  app.get(
    '/trainings/events/:id/sessions/:sessionId/attendance',
    {
      schema: {
        tags: ['trainings'],
        summary: "A session's list of participants, with who was marked present",
        params: bySession,
        response: { 200: attendanceSheet },
      },
      config: { access: 'trainings.attendance.record' },
    },
    async (req) => attendance.getSheet(actorOf(req), req.params.id, req.params.sessionId),
  );

  app.put(
    '/trainings/events/:id/sessions/:sessionId/attendance',
    {
      schema: {
        tags: ['trainings'],
        summary: "Record a session's whole list at once (sending it again changes nothing)",
        params: bySession,
        body: attendanceBody,
        response: { 200: attendanceSheet },
      },
      config: { access: 'trainings.attendance.record' },
    },
    async (req) =>
      attendance.recordSheet(actorOf(req), req.params.id, req.params.sessionId, req.body.entries),
  );

  app.get(
    '/trainings/events/:id/participants',
    {
      schema: {
        tags: ['trainings'],
        summary: 'Participants with attendance, completion by the rule and certificate',
        params: byId,
        response: { 200: trainingParticipantsList },
      },
      config: { access: 'trainings.participants.read' },
    },
    async (req) => attendance.listParticipants(actorOf(req), req.params.id),
  );

  app.get(
    '/trainings/events/:id/tests/:kind',
    {
      schema: {
        tags: ['trainings'],
        summary: 'The pre or post test, with its answer key',
        params: testParams,
        response: { 200: knowledgeTest },
      },
      config: { access: 'trainings.read' },
    },
    async (req) => tests.getTest(actorOf(req), req.params.id, req.params.kind),
  );

  app.put(
    '/trainings/events/:id/tests/:kind',
    {
      schema: {
        tags: ['trainings'],
        summary: 'Set the questions and answer key of the pre or post test (answers are scored again)',
        params: testParams,
        body: testBody,
        response: { 200: knowledgeTest },
      },
      config: { access: 'trainings.manage' },
    },
    async (req) => tests.putTest(actorOf(req), req.params.id, req.params.kind, req.body),
  );

  app.put(
    '/trainings/events/:id/tests/:kind/answers',
    {
      schema: {
        tags: ['trainings'],
        summary: "Enter participants' answers; each is scored against the key",
        params: testParams,
        body: testAnswersBody,
        response: { 200: testScores },
      },
      config: { access: 'trainings.tests.record' },
    },
    async (req) => tests.recordAnswers(actorOf(req), req.params.id, req.params.kind, req.body.entries),
  );

  app.get(
    '/trainings/events/:id/knowledge',
    {
      schema: {
        tags: ['trainings'],
        summary: 'Knowledge gain per participant (post − pre, normalised) and for the training',
        params: byId,
        response: { 200: knowledgeSummary },
      },
      config: { access: 'trainings.participants.read' },
    },
    async (req) => tests.knowledge(actorOf(req), req.params.id),
  );

  app.post(
    '/trainings/events/:id/certificates',
    {
      schema: {
        tags: ['trainings'],
        summary: 'Issue certificates to every participant who completed and has none yet',
        params: byId,
        response: { 200: issueCertificatesResult },
      },
      config: { access: 'trainings.manage' },
    },
    async (req) => certificates.issue(actorOf(req), req.params.id),
  );

  app.get(
    '/trainings/certificates/:id/pdf',
    {
      schema: {
        tags: ['trainings'],
        summary: 'A certificate as a PDF (Ukrainian and English)',
        params: byId,
        response: { 200: z.any() },
      },
      config: { access: 'trainings.participants.read' },
    },
    async (req, reply) => {
      const { bytes, fileName } = await certificates.pdf(actorOf(req), req.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  );

  app.post(
    '/trainings/certificates/:id/revoke',
    {
      schema: {
        tags: ['trainings'],
        summary: 'Revoke a certificate (its code no longer verifies)',
        params: byId,
        body: revokeCertificateBody,
        response: { 200: certificate },
      },
      config: { access: 'trainings.manage' },
    },
    async (req) => certificates.revoke(actorOf(req), req.params.id, req.body.reason),
  );
};
