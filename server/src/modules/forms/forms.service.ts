import type {
  CreateFormBody,
  FormDefinition,
  FormDefinitionRecord,
  FormProblem,
  UpdateFormBody,
  ValidationStage,
} from '@oselia/contracts';
import { createFormBody, updateFormBody } from '@oselia/contracts';
import { checkDefinition, type ValidationResult, validateAnswers } from '@oselia/forms';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { decodeCursor, pageFrom } from '../../shared/cursor.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import type { AuditService } from '../access/audit.service.ts';
import { countQuestions, toFormRecord, toFormSummary } from './forms.mapper.ts';
import { createFormsRepository } from './forms.repository.ts';
import { readXlsForm, type XlsFormImport } from './forms.xlsform.ts';

/** The largest XLSForm workbook accepted. */
export const MAX_XLSFORM_BYTES = 5 * 1024 * 1024;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/** A definition that is not well formed: 400 with every problem. */
function invalidDefinition(problems: FormProblem[]): AppError {
  return new AppError('VALIDATION_FAILED', 'the form definition has problems', { problems });
}

/**
 * Form definitions as immutable versions: creating makes version 1, every edit adds the next
 * version (a call that pinned a version keeps it), nothing is ever overwritten. Other modules ask
 * `getDefinition` and `validate` / `validateSubmission` (grants, trainings, feedback).
 */
export function createFormsService(db: Database, deps: { audit: AuditService }) {
  const repo = createFormsRepository(db);

  async function loadRecord(tenantId: string, id: string, version?: number): Promise<FormDefinitionRecord> {
    const row = await repo.findVersion(tenantId, id, version);
    if (!row) throw notFound(version === undefined ? 'form' : `version ${version} of the form`);
    return toFormRecord(row, await repo.listVersions(tenantId, id));
  }

  async function insert(
    actor: Actor,
    id: string,
    version: number,
    body: { definition: FormDefinition; source: 'json' | 'xlsform'; sourceName: string | null },
  ) {
    const problems = checkDefinition(body.definition);
    if (problems.length) throw invalidDefinition(problems);
    const { definition } = body;
    try {
      await db.transaction().execute(async (trx) => {
        await createFormsRepository(trx).insertVersion({
          tenant_id: actor.tenantId,
          id,
          version,
          title_uk: definition.title.uk,
          title_en: definition.title.en,
          definition: JSON.stringify(definition),
          source: body.source,
          source_name: body.sourceName,
          created_by: actor.userId,
        });
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: version === 1 ? 'form.created' : 'form.version_added',
            entityType: 'form_definition',
            entityId: id,
            meta: { version, source: body.source, questions: countQuestions(definition) },
          },
          trx,
        );
      });
    } catch (error) {
      // Two editors saved the next version at the same moment: the second one is stale.
      if (isUniqueViolation(error)) {
        throw new AppError('VERSION_CONFLICT', 'someone saved a newer version of this form meanwhile', {
          version,
        });
      }
      throw error;
    }
    return loadRecord(actor.tenantId, id, version);
  }

  return {
    async listFormDefinitions(
      actor: Actor,
      query: { q?: string | undefined; cursor?: string; limit: number },
    ) {
      assertCan(actor, 'forms.read');
      const after = decodeCursor(query.cursor, 1);
      const rows = await repo.listLatest(actor.tenantId, {
        q: query.q,
        afterId: after ? String(after[0]) : undefined,
        limit: query.limit,
      });
      const page = pageFrom(rows, query.limit, (r) => [r.id]);
      return { items: page.items.map(toFormSummary), next: page.next };
    },

    /** One version (the latest without `version`), with the list of versions; 404 when missing. */
    getFormDefinition(tenantId: string, id: string, version?: number) {
      return loadRecord(tenantId, id, version);
    },

    async readFormDefinition(actor: Actor, id: string, version?: number) {
      assertCan(actor, 'forms.read');
      return loadRecord(actor.tenantId, id, version);
    },

    async createFormDefinition(actor: Actor, input: CreateFormBody) {
      assertCan(actor, 'forms.manage');
      const body = createFormBody.parse(input);
      return insert(actor, uuidv7(), 1, body);
    },

    /** Adds the next version; `input.version` must be the latest version (else 409). */
    async updateFormDefinition(actor: Actor, id: string, input: UpdateFormBody) {
      assertCan(actor, 'forms.manage');
      const body = updateFormBody.parse(input);
      const latest = await repo.findVersion(actor.tenantId, id);
      if (!latest) throw notFound('form');
      if (latest.version !== body.version) {
        throw new AppError(
          'VERSION_CONFLICT',
          `this form is at version ${latest.version}, not ${body.version}: reload it`,
          { version: latest.version },
        );
      }
      return insert(actor, id, latest.version + 1, body);
    },

    /**
     * Reads an XLSForm workbook (survey, choices and settings sheets) into a definition, not saved:
     * the definition and the rows skipped, or the problems, each with its sheet and row.
     */
    async importXlsForm(actor: Actor, bytes: Buffer, fileName: string): Promise<XlsFormImport> {
      assertCan(actor, 'forms.manage');
      if (bytes.length > MAX_XLSFORM_BYTES) {
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          `an XLSForm may be at most ${MAX_XLSFORM_BYTES / 1024 / 1024} MB`,
        );
      }
      return readXlsForm(bytes, fileName);
    },

    // ---- for other modules ----

    /** The pinned version of a form, or null when it does not exist. */
    async getDefinition(tenantId: string, id: string, version: number): Promise<FormDefinition | null> {
      const row = await repo.findVersion(tenantId, id, version);
      return row ? row.definition : null;
    },

    /** Checks answers against a definition (see `validateAnswers` in @oselia/forms). */
    validate(definition: FormDefinition, answers: unknown, stage: ValidationStage): ValidationResult {
      return validateAnswers(definition, answers, { stage });
    },

    /** Checks answers against a stored version of a form; 404 when the form or version is missing. */
    async validateSubmission(
      tenantId: string,
      formId: string,
      version: number | undefined,
      answers: unknown,
      stage: ValidationStage,
    ): Promise<ValidationResult> {
      const row = await repo.findVersion(tenantId, formId, version);
      if (!row) throw notFound('form');
      return validateAnswers(row.definition, answers, { stage });
    },
  };
}

export type FormsService = ReturnType<typeof createFormsService>;
