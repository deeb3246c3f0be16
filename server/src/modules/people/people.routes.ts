import {
  assistance,
  assistancePage,
  consent,
  consentOverview,
  createHouseholdBody,
  createPersonBody,
  duplicateCheckBody,
  duplicateCheckResult,
  household,
  identifierInput,
  moveMemberBody,
  pageQuery,
  person,
  personSearchQuery,
  personSearchResult,
  recordAssistanceBody,
  recordConsentBody,
  revealedIdentifier,
  updatePersonBody,
} from '@oselia/contracts';
import { z } from 'zod';
import { type AppRoutes, actorOf } from '../../http/route-types.ts';

const byId = z.object({ id: z.uuid() });
/**
 * A person's form may come with a field pasted in by mistake, megabytes long. It is read and refused
 * with a message on that field (400), as any other bad field is, rather than as a body too large.
 */
const PERSON_BODY_BYTES = 16 * 1024 * 1024;
const history = z.array(
  z.object({ householdId: z.uuid(), relationship: z.string(), from: z.string(), to: z.string().nullable() }),
);

export const peopleRoutes: AppRoutes = async (app, { services }) => {
  app.get(
    '/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Find people by name (any script or spelling), phone or identifier',
        querystring: personSearchQuery,
        response: { 200: personSearchResult },
      },
      config: { access: 'people.read' },
    },
    async (req) => services.people.searchPeople(actorOf(req), req.query),
  );

  app.post(
    '/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Register a person',
        body: createPersonBody,
        response: { 201: person },
      },
      bodyLimit: PERSON_BODY_BYTES,
      config: { access: 'people.write' },
    },
    async (req, reply) =>
      reply.status(201).send(await services.people.registerPerson(actorOf(req), req.body)),
  );

  app.post(
    '/people/duplicate-check',
    {
      schema: {
        tags: ['people'],
        summary: 'Likely duplicates of a person being registered, with why',
        body: duplicateCheckBody,
        response: { 200: duplicateCheckResult },
      },
      bodyLimit: PERSON_BODY_BYTES,
      config: { access: 'people.write' },
    },
    async (req) => services.people.findLikelyDuplicates(actorOf(req), req.body),
  );

  app.get(
    '/people/:id',
    {
      schema: {
        tags: ['people'],
        summary: "A person's record (the opening is audit-logged)",
        params: byId,
        response: { 200: person },
      },
      config: { access: 'people.read' },
    },
    async (req) => services.people.getPerson(actorOf(req), req.params.id),
  );

  app.patch(
    '/people/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'Change a person (send the version you read; 409 if someone saved first)',
        params: byId,
        body: updatePersonBody,
        response: { 200: person },
      },
      bodyLimit: PERSON_BODY_BYTES,
      config: { access: 'people.write' },
    },
    async (req) => services.people.updatePerson(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/people/:id/identifiers',
    {
      schema: {
        tags: ['people'],
        summary: 'Add an identifier (stored encrypted)',
        params: byId,
        body: identifierInput,
        response: { 201: person },
      },
      config: { access: 'people.write' },
    },
    async (req, reply) =>
      reply.status(201).send(await services.people.addIdentifier(actorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/people/:id/identifiers/:identifierId/reveal',
    {
      schema: {
        tags: ['people'],
        summary: 'Show an identifier in full (audit-logged)',
        params: byId.extend({ identifierId: z.uuid() }),
        response: { 200: revealedIdentifier },
      },
      config: { access: 'people.identifiers.reveal' },
    },
    async (req) => services.people.revealIdentifier(actorOf(req), req.params.id, req.params.identifierId),
  );

  app.get(
    '/people/:id/consents',
    {
      schema: {
        tags: ['people'],
        summary: 'Consent now and its history',
        params: byId,
        response: { 200: consentOverview },
      },
      config: { access: 'people.read' },
    },
    async (req) => services.consent.describeConsent(actorOf(req), req.params.id),
  );

  app.post(
    '/people/:id/consents',
    {
      schema: {
        tags: ['people'],
        summary: 'Record consent given or withdrawn (takes effect at once)',
        params: byId,
        body: recordConsentBody,
        response: { 201: consent },
      },
      config: { access: 'people.consent.write' },
    },
    async (req, reply) =>
      reply.status(201).send(await services.consent.recordConsent(actorOf(req), req.params.id, req.body)),
  );

  app.get(
    '/people/:id/assistance',
    {
      schema: {
        tags: ['people'],
        summary: 'What the person received, newest first',
        params: byId,
        querystring: pageQuery,
        response: { 200: assistancePage },
      },
      config: { access: 'assistance.read' },
    },
    async (req) => services.consent.listAssistance(actorOf(req), req.params.id, req.query),
  );

  app.post(
    '/people/:id/assistance',
    {
      schema: {
        tags: ['people'],
        summary: 'Record assistance received (needs consent for assistance)',
        params: byId,
        body: recordAssistanceBody,
        response: { 201: assistance },
      },
      config: { access: 'assistance.write' },
    },
    async (req, reply) =>
      reply.status(201).send(await services.consent.recordAssistance(actorOf(req), req.params.id, req.body)),
  );

  app.get(
    '/people/:id/households',
    {
      schema: {
        tags: ['people'],
        summary: 'The households the person has belonged to',
        params: byId,
        response: { 200: history },
      },
      config: { access: 'people.read' },
    },
    async (req) => services.households.membershipHistory(actorOf(req), req.params.id),
  );

  app.post(
    '/households',
    {
      schema: {
        tags: ['people'],
        summary: 'Register a household with its members, all or nothing',
        body: createHouseholdBody,
        response: { 201: household },
      },
      config: { access: 'people.write' },
    },
    async (req, reply) =>
      reply.status(201).send(await services.households.registerHousehold(actorOf(req), req.body)),
  );

  app.get(
    '/households/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'A household with its current members',
        params: byId,
        response: { 200: household },
      },
      config: { access: 'people.read' },
    },
    async (req) => services.households.getHousehold(actorOf(req), req.params.id),
  );

  app.post(
    '/households/:id/members',
    {
      schema: {
        tags: ['people'],
        summary: 'Move a person into this household (history kept)',
        params: byId,
        body: moveMemberBody,
        response: { 200: household },
      },
      config: { access: 'people.write' },
    },
    async (req) => services.households.addMember(actorOf(req), req.params.id, req.body),
  );
};
