import type { PeopleImportRow } from '../../../db/schema.ts';
import { keptValue } from '../../../shared/kept-value.ts';
import type { Actor } from '../../access/access.policy.ts';
import type { Analysis } from './people-import.analysis.ts';
import type { PeopleImportRepository } from './people-import.repository.ts';
import { type StagedRows, type StagePins, stalePins } from './people-import.stage.ts';
import { decodeStage } from './people-import.stage-codec.ts';

/** The stage a dry run just stored, as this server keeps it for the job. */
interface KeptStage {
  tenantId: string;
  id: string;
  pins: StagePins;
  /** When the stored copy was made: tells it from a later stage of the same import and pins. */
  createdAt: number;
  stage: StagedRows;
}

/**
 * Where a dry run's stage waits for its import job: stored with the import, pinned to the file,
 * mapping and key it was made with; the last one made on this server also stays in memory for a
 * while, decoded (about 60 MB for 100,000 rows), so that the job here need not read it back.
 */
export function createStageStore(repo: PeopleImportRepository, keepMs: number) {
  const kept = keptValue<KeptStage>(keepMs);

  return {
    /** Stores what a check prepared (replacing any earlier stage of the import). */
    async saveStage(r: PeopleImportRepository, actor: Actor, importId: string, pins: StagePins, a: Analysis) {
      return r.saveStage(
        {
          tenant_id: actor.tenantId,
          import_id: importId,
          format_version: pins.formatVersion,
          file_sha256: pins.fileSha256,
          content_digest: pins.contentDigest,
          mapping_hash: pins.mappingHash,
          key_check: pins.keyCheck,
          rows: a.staged,
          invalid_rows: JSON.stringify(a.invalidRows),
          parts: a.parts.length,
          created_by: actor.userId,
        },
        a.parts,
      );
    },

    /** Keeps the stage just stored in memory too. */
    keepStage(entry: KeptStage) {
      kept.set(entry);
    },

    /** Lets go of the stage kept in memory: any, or only this import's. */
    forgetStage(importId?: string) {
      if (importId === undefined || kept.get()?.id === importId) kept.set(null);
    },

    /** The stage of an import if it still holds for the file, mapping and key; else null. */
    async findFreshStage(imp: Pick<PeopleImportRow, 'tenant_id' | 'id'>, pins: StagePins) {
      const stored = await repo.findStage(imp.tenant_id, imp.id);
      if (!stored) return null;
      const stale = stalePins(
        {
          formatVersion: stored.format_version,
          fileSha256: stored.file_sha256,
          contentDigest: stored.content_digest,
          mappingHash: stored.mapping_hash,
          keyCheck: stored.key_check,
        },
        pins,
      );
      if (stale.length > 0) return null;
      const mine = kept.get();
      const same =
        mine !== null &&
        mine.tenantId === imp.tenant_id &&
        mine.id === imp.id &&
        mine.createdAt === new Date(stored.created_at).getTime() &&
        stalePins(mine.pins, pins).length === 0;
      let stage: StagedRows;
      if (same) stage = mine.stage;
      else {
        try {
          stage = decodeStage(await repo.findStageParts(imp.tenant_id, imp.id));
        } catch {
          // A damaged stage is only a lost shortcut: the rows are checked again.
          return null;
        }
      }
      if (stage.row.length !== stored.rows) return null;
      const invalid = stored.invalid_rows;
      return {
        stage,
        invalidRows: (typeof invalid === 'string' ? JSON.parse(invalid) : invalid) as number[],
      };
    },
  };
}
