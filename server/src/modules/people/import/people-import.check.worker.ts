/**
 * A worker thread that checks pieces of a people file (see people-import.pool.ts): the same rules,
 * the same key, on another core. Node-only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createCrypto } from '../../../shared/crypto.ts';
import type { AuditService } from '../../access/audit.service.ts';
import { createPeopleService } from '../people.service.ts';
import { checkRows } from './people-import.check.ts';
import { type PieceMessage, type PieceResult, toPieceResult, unpackRows } from './people-import.pool.ts';

const { secretKeyHex } = workerData as { secretKeyHex: string };
const crypto = createCrypto(secretKeyHex);
let known = new Set<string>();
// Only the registration rules are used here: no database, no audit.
const people = createPeopleService(undefined as never, {
  crypto,
  audit: undefined as unknown as AuditService,
  places: { isKnownPlace: async (code: string) => known.has(code) },
});

parentPort?.on('message', async (m: PieceMessage) => {
  let result: PieceResult;
  try {
    known = new Set(m.places);
    const checked = await checkRows(
      { preparePerson: people.preparePerson, crypto },
      m.task,
      unpackRows(m.rows),
    );
    result = toPieceResult(m.id, checked);
  } catch (error) {
    result = { id: m.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(result);
});
