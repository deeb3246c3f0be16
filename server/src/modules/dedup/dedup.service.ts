import { type DedupPair, type DedupPersonSummary, dedupPersonSummary } from '@oselia/contracts';
import { dedupe, defaultModel, type PairExplanation, prepareDataset } from '@oselia/matching';
import type { Database } from '../../db/database.ts';
import type { DedupPairStatus } from '../../db/schema.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { decodeCursor, pageFrom } from '../../shared/cursor.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import type { Actor } from '../access/access.policy.ts';
import type { AuditService } from '../access/audit.service.ts';
import type { JobHandler } from '../jobs/jobs.runner.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import type { PeopleService } from '../people/people.service.ts';
import { createDedupRepository } from './dedup.repository.ts';

export const DEDUP_RUN_JOB = 'dedup.run';
/** Below this many records the fitted weights are noise; the prior model is steadier. */
const MIN_RECORDS_TO_FIT = 2000;
/** Pairs still open to a decision. */
const OPEN_STATUSES: readonly DedupPairStatus[] = ['pending', 'skipped', 'undone'];

type PairRow = Awaited<ReturnType<ReturnType<typeof createDedupRepository>['findPair']>> & {};

function toPair(r: PairRow): DedupPair {
  const e = r.explanation as PairExplanation;
  return {
    id: r.id,
    personA: r.person_a,
    personB: r.person_b,
    weight: r.weight,
    probability: r.probability,
    decision: r.decision,
    reason: r.reason,
    explanation: {
      prior: e.prior,
      total: e.total,
      fields: e.fields.map((f) => ({ field: f.field, level: f.level, label: f.label, weight: f.weight })),
      ...(e.veto ? { veto: e.veto } : {}),
    },
    status: r.status,
    decidedAt: iso(r.decided_at),
    createdAt: iso(r.created_at),
  };
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Deduplication of the registry: a run (durable job) scores every record against its likely
 * twins and fills a review queue; people decide each pair. "Same person" merges reversibly,
 * "not the same" is remembered and never proposed again.
 */
export function createDedupService(
  db: Database,
  deps: { people: PeopleService; audit: AuditService; jobs: JobsService },
) {
  const repo = createDedupRepository(db);

  const runDedup: JobHandler<{ requestedBy: string | null }> = async ({ job, progress }) => {
    const tenantId = job.tenant_id;
    await progress(0, null, 'reading the registry');
    const records = await deps.people.listMatchRecords(tenantId);
    if (records.length < 2) return { records: records.length, proposed: 0 };
    await progress(0, records.length, `comparing ${records.length} records`);
    const data = prepareDataset(records);
    // EM needs data: a small registry is scored with the engine's prior model instead of its own fit.
    const result = await dedupe(data, {
      ...(records.length < MIN_RECORDS_TO_FIT ? { model: defaultModel() } : {}),
      onProgress: (message) => void progress(0, records.length, message),
    });
    const distinct = await repo.distinctPairKeys(tenantId);
    const proposals: {
      a: number;
      b: number;
      weight: number;
      reason: string | null;
      decision: 'link' | 'review';
    }[] = [];
    for (let k = 0; k < result.links.a.length; k++) {
      proposals.push({
        a: result.links.a[k]!,
        b: result.links.b[k]!,
        weight: result.links.weight[k]!,
        reason: null,
        decision: 'link',
      });
    }
    for (const p of result.review)
      proposals.push({ a: p.a, b: p.b, weight: p.weight, reason: p.reason, decision: 'review' });
    const rows = proposals.flatMap((p) => {
      const [x, y] = [records[p.a]!.id, records[p.b]!.id];
      const [a, b] = x < y ? [x, y] : [y, x];
      if (distinct.has(`${a}|${b}`)) return [];
      const explanation = result.explain(p.a, p.b);
      return [
        {
          tenant_id: tenantId,
          id: uuidv7(),
          job_id: job.id,
          person_a: a,
          person_b: b,
          weight: round(p.weight),
          probability: round(explanation.probability, 6),
          decision: p.decision,
          reason: p.reason,
          explanation: JSON.stringify(explanation),
        },
      ];
    });
    await repo.insertPairs(rows);
    await progress(
      records.length,
      records.length,
      `${rows.length} pairs proposed from ${records.length} records`,
    );
    return {
      records: records.length,
      proposed: rows.length,
      autoLinks: result.links.a.length,
      review: result.review.length,
    };
  };

  /** Each record's summary, or null where the reviewer may not see it (outside their scope). */
  async function summaries(actor: Actor, ids: string[]) {
    const out = new Map<string, DedupPersonSummary | null>();
    for (const id of new Set(ids)) {
      try {
        const [p] = await deps.people.getPeopleForReview(actor, [id]);
        out.set(id, dedupPersonSummary.parse(p));
      } catch (error) {
        if (error instanceof AppError && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND'))
          out.set(id, null);
        else throw error;
      }
    }
    return out;
  }

  async function loadPair(actor: Actor, id: string) {
    const pair = await repo.findPair(actor.tenantId, id);
    if (!pair) throw notFound('pair');
    return pair;
  }

  return {
    runDedup,

    async startDedupRun(actor: Actor) {
      const job = await deps.jobs.enqueueJob(
        actor.tenantId,
        DEDUP_RUN_JOB,
        { requestedBy: actor.userId },
        { createdBy: actor.userId, maxAttempts: 2 },
      );
      await deps.audit.recordAudit({
        tenantId: actor.tenantId,
        actor,
        action: 'dedup.run_started',
        entityType: 'job',
        entityId: job.id,
      });
      return { jobId: job.id };
    },

    /** The queue, strongest first, with enough of both records (names, birth date, place) to tell pairs apart. */
    async listPairs(
      actor: Actor,
      q: { status: DedupPairStatus; decision?: 'link' | 'review'; cursor?: string; limit: number },
    ) {
      const after = decodeCursor(q.cursor, 2);
      const rows = await repo.listPairs(
        actor.tenantId,
        q.status,
        after ? { weight: Number(after[0]), id: String(after[1]) } : undefined,
        q.limit,
        q.decision,
      );
      const page = pageFrom(rows, q.limit, (r) => [r.weight, r.id]);
      const people = await summaries(
        actor,
        page.items.flatMap((r) => [r.person_a, r.person_b]),
      );
      return {
        items: page.items.map((r) => ({
          ...toPair(r),
          a: people.get(r.person_a) ?? null,
          b: people.get(r.person_b) ?? null,
        })),
        next: page.next,
      };
    },

    /** Two records side by side with the weight each field added; the look is audit-logged. */
    async getPair(actor: Actor, id: string) {
      const pair = await loadPair(actor, id);
      const [a, b] = await deps.people.getPeopleForReview(actor, [pair.person_a, pair.person_b]);
      await deps.audit.recordRead({
        tenantId: actor.tenantId,
        actor,
        entityType: 'dedup_pair',
        entityId: id,
        action: 'dedup.pair_read',
        meta: { persons: [pair.person_a, pair.person_b] },
      });
      return { ...toPair(pair), a: a!, b: b! };
    },

    async decidePair(
      actor: Actor,
      id: string,
      body: { decision: 'same'; survivorId: string } | { decision: 'not_same' } | { decision: 'skip' },
    ) {
      const pair = await loadPair(actor, id);
      // A skipped pair, or one whose merge was undone, may still be decided.
      if (!OPEN_STATUSES.includes(pair.status))
        throw new AppError('CONFLICT', `this pair was already decided (${pair.status})`);
      return db.transaction().execute(async (trx) => {
        const r = createDedupRepository(trx);
        const to =
          body.decision === 'same' ? 'merged' : body.decision === 'not_same' ? 'not_same' : 'skipped';
        const decided = await r.decidePair(actor.tenantId, id, pair.status, to, actor.userId);
        if (!decided) throw new AppError('CONFLICT', 'someone decided this pair meanwhile');
        if (body.decision === 'same') {
          if (body.survivorId !== pair.person_a && body.survivorId !== pair.person_b) {
            throw new AppError('VALIDATION_FAILED', 'the survivor must be one of the two records', {
              fields: [{ field: 'survivorId', message: 'not in this pair' }],
            });
          }
          const mergedId = body.survivorId === pair.person_a ? pair.person_b : pair.person_a;
          await deps.people.mergePersons(trx, actor, body.survivorId, mergedId);
        } else if (body.decision === 'not_same') {
          await r.rememberDistinct(actor.tenantId, pair.person_a, pair.person_b, actor.userId);
        }
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: `dedup.${to}`,
            entityType: 'dedup_pair',
            entityId: id,
            meta: {
              persons: [pair.person_a, pair.person_b],
              ...('survivorId' in body ? { survivorId: body.survivorId } : {}),
            },
          },
          trx,
        );
        return toPair(decided);
      });
    },

    /** Takes a merge back: both records stand alone again; the pair may be decided anew. */
    async undoMerge(actor: Actor, id: string) {
      const pair = await loadPair(actor, id);
      if (pair.status !== 'merged') throw new AppError('CONFLICT', 'only a merged pair can be undone');
      const [a, b] = await deps.people.getPeopleForReview(actor, [pair.person_a, pair.person_b]);
      const mergedId = a!.mergedInto ? a!.id : b!.id;
      // Everything inside the transaction goes through `trx`: on PGlite a second connection would wait forever.
      return db.transaction().execute(async (trx) => {
        const r = createDedupRepository(trx);
        await deps.people.undoMerge(trx, actor, mergedId);
        const undone = await r.decidePair(actor.tenantId, id, 'merged', 'undone', actor.userId);
        if (!undone) throw new AppError('CONFLICT', 'someone changed this pair meanwhile');
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'dedup.merge_undone',
            entityType: 'dedup_pair',
            entityId: id,
            meta: { persons: [pair.person_a, pair.person_b] },
          },
          trx,
        );
        return toPair(undone);
      });
    },
  };
}

export type DedupService = ReturnType<typeof createDedupService>;
