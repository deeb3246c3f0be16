import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import type { Actor } from '../access/access.policy.ts';
import type { AuditService } from '../access/audit.service.ts';
import type { FilesService } from '../files/files.service.ts';
import { FieldProblems } from '../people/people.validation.ts';
import type { AwardsService } from './grants.awards.service.ts';
import { createMonitoringRepository } from './grants.monitoring.repository.ts';
import { type FollowUpStatus, followUpsOf } from './grants.monitoring.rules.ts';

const today = () => new Date().toISOString().slice(0, 10);

type VisitRow = Awaited<ReturnType<ReturnType<typeof createMonitoringRepository>['listVisits']>>[number];

function toVisit(v: VisitRow) {
  return {
    id: v.id,
    awardId: v.award_id,
    visitedOn: v.visited_on,
    followUpMonth: v.follow_up_month,
    operating: v.operating,
    jobsCreated: v.jobs_created,
    jobsKept: v.jobs_kept,
    photoFileIds: v.photo_file_ids,
    notes: v.notes,
    createdAt: iso(v.created_at),
  };
}

/** Monitoring of awards: visits (operating, jobs, photos, notes) and the 3-, 6- and 12-month follow-ups. */
export function createMonitoringService(
  db: Database,
  deps: {
    audit: AuditService;
    files: Pick<FilesService, 'findFile'>;
    awards: Pick<AwardsService, 'loadAward'>;
  },
) {
  const repo = createMonitoringRepository(db);

  return {
    async recordVisit(
      actor: Actor,
      awardId: string,
      body: {
        visitedOn: string;
        followUpMonth: 3 | 6 | 12 | null;
        operating: boolean;
        jobsCreated: number;
        jobsKept: number;
        photoFileIds: string[];
        notes: string | null;
      },
    ) {
      const { award } = await deps.awards.loadAward(actor, awardId, 'grants.monitoring.write');
      if (award.status === 'closed')
        throw new AppError('CONFLICT', 'the award is closed: monitoring has ended');
      const problems = new FieldProblems();
      if (body.visitedOn > today()) problems.add('visitedOn', 'the visit date is in the future');
      if (body.followUpMonth !== null && !award.first_paid_on)
        problems.add('followUpMonth', 'follow-ups count from the first payment; none is recorded yet');
      const photos = [...new Set(body.photoFileIds)];
      for (const [i, id] of photos.entries()) {
        const file = await deps.files.findFile(actor.tenantId, id);
        if (!file || file.deleted_at || !['image/jpeg', 'image/png'].includes(file.media_type))
          problems.add(`photoFileIds.${i}`, 'not an uploaded photo (JPEG or PNG)');
      }
      problems.throwIfAny();
      const visit = await db.transaction().execute(async (trx) => {
        const row = await createMonitoringRepository(trx).insertVisit({
          tenant_id: actor.tenantId,
          id: uuidv7(),
          award_id: awardId,
          visited_on: body.visitedOn,
          follow_up_month: body.followUpMonth,
          operating: body.operating,
          jobs_created: body.jobsCreated,
          jobs_kept: body.jobsKept,
          photo_file_ids: photos,
          notes: body.notes,
          created_by: actor.userId,
        });
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'grant_monitoring.visit_recorded',
            entityType: 'grant_award',
            entityId: awardId,
            after: {
              visitId: row.id,
              visitedOn: body.visitedOn,
              followUpMonth: body.followUpMonth,
              operating: body.operating,
              jobsCreated: body.jobsCreated,
              jobsKept: body.jobsKept,
              photos: photos.length,
            },
          },
          trx,
        );
        return row;
      });
      return toVisit(visit);
    },

    async listVisits(actor: Actor, awardId: string) {
      await deps.awards.loadAward(actor, awardId, 'grants.monitoring.read');
      return { items: (await repo.listVisits(actor.tenantId, awardId)).map(toVisit) };
    },

    /** Follow-ups of paid awards, computed from the first payment; filter by status (due, overdue, …). */
    async followUps(
      actor: Actor,
      q: {
        callId?: string | undefined;
        awardId?: string | undefined;
        status?: FollowUpStatus | undefined;
        asOf?: string | undefined;
        limit: number;
      },
    ) {
      if (q.awardId) await deps.awards.loadAward(actor, q.awardId, 'grants.monitoring.read');
      const asOf = q.asOf ?? today();
      const rows = await repo.listPaidAwards(actor.tenantId, {
        callId: q.callId,
        awardId: q.awardId,
        projectScope: actor.projectScope,
      });
      const items = rows
        .filter(
          (a) => !actor.oblastScope || actor.oblastScope.some((o) => (a.oblast_pcode ?? '').startsWith(o)),
        )
        .flatMap((a) => {
          const visits = new Map<number, string>();
          for (const pair of (a.follow_up_visits ?? '').split(',').filter(Boolean)) {
            const [month, id] = pair.split(':');
            if (!visits.has(Number(month))) visits.set(Number(month), id!);
          }
          return (
            followUpsOf(a.first_paid_on, visits, asOf)
              // A closed award owes no more visits; its done ones stay on record.
              .filter((f) => a.status === 'active' || f.status === 'done')
              .map((f) => ({ awardId: a.id, callId: a.call_id, referenceCode: a.reference_code, ...f }))
          );
        })
        .filter((f) => !q.status || f.status === q.status)
        .sort((x, y) => (x.dueOn < y.dueOn ? -1 : x.dueOn > y.dueOn ? 1 : 0));
      return { items: items.slice(0, q.limit) };
    },
  };
}

export type MonitoringService = ReturnType<typeof createMonitoringService>;
