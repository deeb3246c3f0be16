import type { CreateCallBody, FormDefinition, UpdateCallBody } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { decodeCursor, pageFrom } from '../../shared/cursor.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import type { AuditService } from '../access/audit.service.ts';
import { FieldProblems } from '../people/people.validation.ts';
import { rulesOf, toCall, toCallSummary, toPublicCall, toPublicCallSummary } from './grants.calls.mapper.ts';
import { type CallRow, createCallsRepository } from './grants.calls.repository.ts';
import { checkCallShape, checkReadyToOpen } from './grants.calls.rules.ts';

/** What grants needs of the forms module: a pinned definition, and answers checked against it. */
export interface FormsPort {
  getDefinition(tenantId: string, id: string, version: number): Promise<FormDefinition | null>;
  validate(
    definition: FormDefinition,
    answers: Record<string, unknown>,
    stage: 'draft' | 'submit',
  ): {
    ok: boolean;
    answers: Record<string, unknown>;
    problems: { path: string; code: string; message: { uk: string; en: string } }[];
  };
}

/** Fields an open call may still change: its words and a later closing date. Rules stay fixed. */
const EDITABLE_WHEN_OPEN = new Set(['title', 'description', 'closesAt', 'version']);

export const scopeOfCall = (r: Pick<CallRow, 'project_id'>) => ({ projectId: r.project_id });

/** Whether applications may be started or submitted now. */
export function acceptsApplications(
  call: Pick<CallRow, 'status' | 'opens_at' | 'closes_at'>,
  now = new Date(),
) {
  return (
    call.status === 'open' &&
    new Date(call.opens_at).getTime() <= now.getTime() &&
    now.getTime() < new Date(call.closes_at).getTime()
  );
}

/** Calls for proposals: drafted and opened by programme managers, read by the public while open. */
/** What the calls service needs of the places module: a place's names. */
export interface PlaceNamesPort {
  getPlace(pcode: string): Promise<{ nameUk: string; nameEn: string }>;
}

export function createCallsService(
  db: Database,
  deps: { audit: AuditService; forms: FormsPort | null; places?: PlaceNamesPort },
) {
  const repo = createCallsRepository(db);

  async function loadCall(actor: Actor, id: string, action: 'grants.calls.read' | 'grants.calls.manage') {
    const row = await repo.findCall(actor.tenantId, id);
    if (!row) throw notFound('call');
    assertCan(actor, action, scopeOfCall(row));
    return row;
  }

  async function formExists(tenantId: string, form: { id: string; version: number } | null) {
    if (!form) return false;
    if (!deps.forms) return true;
    return (await deps.forms.getDefinition(tenantId, form.id, form.version)) !== null;
  }

  function throwProblems(
    list: { field: string; message: string }[],
    code: 'VALIDATION_FAILED' | 'UNPROCESSABLE',
  ) {
    if (list.length === 0) return;
    if (code === 'VALIDATION_FAILED') {
      const p = new FieldProblems();
      for (const x of list) p.add(x.field, x.message);
      p.throwIfAny();
    }
    throw new AppError(
      'UNPROCESSABLE',
      `the call cannot open yet: ${list.map((x) => x.message).join('; ')}`,
      {
        fields: list,
      },
    );
  }

  async function audit(
    actor: Actor,
    action: string,
    id: string,
    before: unknown,
    after: unknown,
    trx: Database,
  ) {
    await deps.audit.recordAudit(
      { tenantId: actor.tenantId, actor, action, entityType: 'grant_call', entityId: id, before, after },
      trx,
    );
  }

  const stale = () =>
    new AppError(
      'VERSION_CONFLICT',
      'someone else changed this call meanwhile: reload it and apply your changes again',
    );

  async function transition(actor: Actor, id: string, version: number, to: 'open' | 'closed') {
    const row = await loadCall(actor, id, 'grants.calls.manage');
    if (row.version !== version) throw stale();
    if (to === 'open') {
      if (row.status !== 'draft')
        throw new AppError('CONFLICT', `the call is ${row.status}; only a draft call opens`);
      const summary = toCallSummary(row);
      const problems = checkReadyToOpen(
        {
          ...summary,
          requiredDocuments: toCall(row, {}).requiredDocuments,
          scoringRubric: toCall(row, {}).scoringRubric,
          hasForm: await formExists(actor.tenantId, summary.form),
        },
        new Date(),
      );
      throwProblems(problems, 'UNPROCESSABLE');
    } else if (row.status !== 'open') {
      throw new AppError('CONFLICT', `the call is ${row.status}; only an open call closes`);
    }
    return db.transaction().execute(async (trx) => {
      const after = await createCallsRepository(trx).updateCall(actor.tenantId, id, version, {
        status: to,
        ...(to === 'open' ? { opened_at: new Date() } : { closed_at: new Date() }),
        updated_by: actor.userId,
      });
      if (!after) throw stale();
      await audit(
        actor,
        to === 'open' ? 'grant_call.opened' : 'grant_call.closed',
        id,
        { status: row.status },
        { status: to },
        trx,
      );
      return toCall(after, await createCallsRepository(trx).applicationCounts(actor.tenantId, id));
    });
  }

  return {
    async createCall(actor: Actor, body: CreateCallBody) {
      assertCan(actor, 'grants.calls.manage', { projectId: body.projectId });
      const problems = checkCallShape(body);
      if (body.form && !(await formExists(actor.tenantId, body.form))) {
        problems.push({ field: 'form', message: 'no such form or version' });
      }
      throwProblems(problems, 'VALIDATION_FAILED');
      const id = uuidv7();
      return db.transaction().execute(async (trx) => {
        const row = await createCallsRepository(trx).insertCall({
          tenant_id: actor.tenantId,
          id,
          kind: body.kind,
          title: JSON.stringify(body.title),
          description: JSON.stringify(body.description),
          currency: body.currency,
          budget_minor: body.budgetMinor,
          max_per_grant_minor: body.maxPerGrantMinor,
          opens_at: body.opensAt,
          closes_at: body.closesAt,
          eligibility_rules: JSON.stringify(body.eligibilityRules),
          required_documents: JSON.stringify(body.requiredDocuments),
          scoring_rubric: JSON.stringify(body.scoringRubric),
          form_id: body.form?.id ?? null,
          form_version: body.form?.version ?? null,
          reviewers_per_application: body.reviewersPerApplication,
          project_id: body.projectId,
          created_by: actor.userId,
          updated_by: actor.userId,
        });
        const call = toCall(row, {});
        await audit(actor, 'grant_call.created', id, null, call, trx);
        return call;
      });
    },

    async updateCall(actor: Actor, id: string, patch: UpdateCallBody) {
      const before = await loadCall(actor, id, 'grants.calls.manage');
      if (before.status === 'closed') throw new AppError('CONFLICT', 'a closed call does not change');
      if (before.status === 'open') {
        const fixed = Object.keys(patch).filter((k) => !EDITABLE_WHEN_OPEN.has(k));
        if (fixed.length > 0) {
          throw new AppError(
            'CONFLICT',
            `an open call keeps its rules, form, documents, rubric and money (${fixed.join(', ')}); close it and open a new call to change them`,
            { fields: fixed },
          );
        }
      }
      if (patch.projectId !== undefined)
        assertCan(actor, 'grants.calls.manage', { projectId: patch.projectId });
      const current = toCall(before, {});
      const merged = {
        ...current,
        ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      };
      const problems = checkCallShape(merged);
      if (patch.form && !(await formExists(actor.tenantId, patch.form))) {
        problems.push({ field: 'form', message: 'no such form or version' });
      }
      if (before.status === 'open' && patch.closesAt && Date.parse(patch.closesAt) <= Date.now()) {
        problems.push({
          field: 'closesAt',
          message: 'an open call can only move its closing date to the future',
        });
      }
      throwProblems(problems, 'VALIDATION_FAILED');
      return db.transaction().execute(async (trx) => {
        const r = createCallsRepository(trx);
        const after = await r.updateCall(actor.tenantId, id, patch.version, {
          ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
          ...(patch.title !== undefined ? { title: JSON.stringify(patch.title) } : {}),
          ...(patch.description !== undefined ? { description: JSON.stringify(patch.description) } : {}),
          ...(patch.currency !== undefined ? { currency: patch.currency } : {}),
          ...(patch.budgetMinor !== undefined ? { budget_minor: patch.budgetMinor } : {}),
          ...(patch.maxPerGrantMinor !== undefined ? { max_per_grant_minor: patch.maxPerGrantMinor } : {}),
          ...(patch.opensAt !== undefined ? { opens_at: patch.opensAt } : {}),
          ...(patch.closesAt !== undefined ? { closes_at: patch.closesAt } : {}),
          ...(patch.eligibilityRules !== undefined
            ? { eligibility_rules: JSON.stringify(patch.eligibilityRules) }
            : {}),
          ...(patch.requiredDocuments !== undefined
            ? { required_documents: JSON.stringify(patch.requiredDocuments) }
            : {}),
          ...(patch.scoringRubric !== undefined
            ? { scoring_rubric: JSON.stringify(patch.scoringRubric) }
            : {}),
          ...(patch.form !== undefined
            ? { form_id: patch.form?.id ?? null, form_version: patch.form?.version ?? null }
            : {}),
          ...(patch.reviewersPerApplication !== undefined
            ? { reviewers_per_application: patch.reviewersPerApplication }
            : {}),
          ...(patch.projectId !== undefined ? { project_id: patch.projectId } : {}),
          updated_by: actor.userId,
        });
        if (!after) throw stale();
        const call = toCall(after, await r.applicationCounts(actor.tenantId, id));
        await audit(actor, 'grant_call.updated', id, current, { ...call, applicationCounts: undefined }, trx);
        return call;
      });
    },

    openCall: (actor: Actor, id: string, version: number) => transition(actor, id, version, 'open'),
    closeCall: (actor: Actor, id: string, version: number) => transition(actor, id, version, 'closed'),

    async getCall(actor: Actor, id: string) {
      const row = await loadCall(actor, id, 'grants.calls.read');
      return toCall(row, await repo.applicationCounts(actor.tenantId, id));
    },

    async listCalls(
      actor: Actor,
      q: {
        status?: 'draft' | 'open' | 'closed' | undefined;
        kind?: 'business' | 'youth' | 'community' | undefined;
        cursor?: string | undefined;
        limit: number;
      },
    ) {
      const after = decodeCursor(q.cursor, 2);
      const rows = await repo.listCalls(
        actor.tenantId,
        { status: q.status, kind: q.kind, projectScope: actor.projectScope },
        after ? { createdAt: String(after[0]), id: String(after[1]) } : undefined,
        q.limit,
      );
      const page = pageFrom(rows, q.limit, (r) => [iso(r.created_at), r.id]);
      return { items: page.items.map(toCallSummary), next: page.next };
    },

    /** A call row for other grant services (applications, screening); no access check. */
    async findCall(tenantId: string, id: string) {
      return (await repo.findCall(tenantId, id)) ?? null;
    },

    /** The pinned form of a call, or null when it pins none. */
    async formOf(call: Pick<CallRow, 'tenant_id' | 'form_id' | 'form_version'>) {
      if (!call.form_id || !call.form_version || !deps.forms) return null;
      return deps.forms.getDefinition(call.tenant_id, call.form_id, call.form_version);
    },

    async listPublicCalls(tenantId: string) {
      const rows = await repo.listOpenCalls(tenantId, new Date());
      return { items: rows.map(toPublicCallSummary) };
    },

    /** Open and closed calls are public; drafts do not exist for the public. */
    async getPublicCall(tenantId: string, id: string) {
      const row = await repo.findCall(tenantId, id);
      if (!row || row.status === 'draft') throw notFound('call');
      const form = await this.formOf(row);
      const pcodes = rulesOf(row).flatMap((r) => (r.type === 'oblast_in' ? r.oblasts : []));
      const names = new Map<string, { uk: string; en: string }>();
      for (const pcode of new Set(pcodes)) {
        const place = await deps.places?.getPlace(pcode).catch(() => null);
        if (place) names.set(pcode, { uk: place.nameUk, en: place.nameEn });
      }
      return toPublicCall(row, form as Record<string, unknown> | null, names);
    },
  };
}

export type CallsService = ReturnType<typeof createCallsService>;
