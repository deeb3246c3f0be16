import {
  applicationReviews,
  assignReviewersBody,
  callRanking,
  conflictDeclared,
  declareConflictBody,
  myReviewsList,
  myReviewsQuery,
  reviewSheet,
  saveScoresBody,
} from '@oselia/contracts';
import { z } from 'zod';
import { type AppRoutes, actorOf } from '../../http/route-types.ts';

const byId = z.object({ id: z.uuid() });
const tags = ['grants: review'];

export const grantsReviewsRoutes: AppRoutes = async (app, { services }) => {
  const reviews = services.grantsReviews;

  app.post(
    '/grants/applications/:id/reviewers',
    {
      schema: {
        tags,
        summary:
          'Assign reviewers (users with the reviewer role), up to the call’s reviewers per application',
        params: byId,
        body: assignReviewersBody,
        response: { 200: applicationReviews },
      },
      config: { access: 'grants.reviews.assign' },
    },
    async (req) => reviews.assignReviewers(actorOf(req), req.params.id, req.body.reviewerIds),
  );

  app.get(
    '/grants/applications/:id/reviews',
    {
      schema: {
        tags,
        summary: 'Reviewers of an application: conflict declarations, submitted scores and their agreement',
        params: byId,
        response: { 200: applicationReviews },
      },
      config: { access: 'grants.reviews.read' },
    },
    async (req) => reviews.applicationReviews(actorOf(req), req.params.id),
  );

  app.post(
    '/grants/review-assignments/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Take a reviewer off an application it has not scored',
        params: byId,
        response: { 200: applicationReviews },
      },
      config: { access: 'grants.reviews.assign' },
    },
    async (req) => reviews.withdrawAssignment(actorOf(req), req.params.id),
  );

  app.get(
    '/grants/reviews',
    {
      schema: {
        tags,
        summary: 'My review assignments (reviewer): only the applications assigned to me',
        querystring: myReviewsQuery,
        response: { 200: myReviewsList },
      },
      config: { access: 'grants.reviews.score' },
    },
    async (req) => reviews.myReviews(actorOf(req), req.query.status),
  );

  app.post(
    '/grants/applications/:id/review/conflict',
    {
      schema: {
        tags,
        summary: 'Declare a conflict of interest (and step aside) or none, before the application opens',
        params: byId,
        body: declareConflictBody,
        response: { 200: conflictDeclared },
      },
      config: { access: 'grants.reviews.score' },
    },
    async (req) => reviews.declareConflict(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/grants/applications/:id/review',
    {
      schema: {
        tags,
        summary:
          'The application to score, with my scores; the others’ only after I submit (403 unless assigned)',
        params: byId,
        response: { 200: reviewSheet },
      },
      config: { access: 'grants.reviews.score' },
    },
    async (req) => reviews.reviewSheet(actorOf(req), req.params.id),
  );

  app.put(
    '/grants/applications/:id/review',
    {
      schema: {
        tags,
        summary: 'Save my scores as a draft (a score per criterion on its scale, a comment each)',
        params: byId,
        body: saveScoresBody,
        response: { 200: reviewSheet },
      },
      config: { access: 'grants.reviews.score' },
    },
    async (req) => reviews.saveScores(actorOf(req), req.params.id, req.body.scores),
  );

  app.post(
    '/grants/applications/:id/review/submit',
    {
      schema: {
        tags,
        summary: 'Submit my review: every criterion scored with a comment; final',
        params: byId,
        response: { 200: reviewSheet },
      },
      config: { access: 'grants.reviews.score' },
    },
    async (req) => reviews.submitReview(actorOf(req), req.params.id),
  );

  app.get(
    '/grants/calls/:id/ranking',
    {
      schema: {
        tags,
        summary: 'Applications of a call ranked by mean weighted score, strong disagreement flagged',
        params: byId,
        response: { 200: callRanking },
      },
      config: { access: 'grants.reviews.read' },
    },
    async (req) => reviews.ranking(actorOf(req), req.params.id),
  );
};
