import { auditPage, auditQuery, auditVerifyResult } from '@oselia/contracts';
import type { AppRoutes } from '../../http/route-types.ts';

export const auditRoutes: AppRoutes = async (app, { services }) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log, newest first',
        querystring: auditQuery,
        response: { 200: auditPage },
      },
      config: { access: 'audit.read' },
    },
    async (req) => services.audit.searchAudit(req.tenantId, req.query),
  );

  app.get(
    '/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Check the hash chain of the audit log',
        response: { 200: auditVerifyResult },
      },
      config: { access: 'audit.read' },
    },
    async (req) => {
      const { checked, breaks } = await services.audit.verifyAuditChain();
      return {
        checked,
        breaks: breaks
          .filter((b) => b.tenantId === req.tenantId)
          .map(({ seq, id, reason }) => ({ seq, id, reason })),
      };
    },
  );
};
