import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Bytes on disk under `<root>/<tenant>/<id>`: outside the web root, never served by the static
 * handler, named by ids only (never by what the uploader called the file).
 */
export function createFileStorage(root: string) {
  function pathOf(tenantId: string, id: string) {
    if (!UUID.test(tenantId) || !UUID.test(id)) throw new Error('file ids are uuids');
    return path.join(root, tenantId, id);
  }
  return {
    /** Written to a temporary name first, then renamed: a crash never leaves half a file under the id. */
    async write(tenantId: string, id: string, bytes: Uint8Array) {
      const target = pathOf(tenantId, id);
      await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const tmp = `${target}.part`;
      await fs.writeFile(tmp, bytes, { mode: 0o600, flag: 'wx' });
      await fs.rename(tmp, target);
    },
    read(tenantId: string, id: string) {
      return createReadStream(pathOf(tenantId, id));
    },
    async remove(tenantId: string, id: string) {
      await fs.rm(pathOf(tenantId, id), { force: true });
    },
  };
}

export type FileStorage = ReturnType<typeof createFileStorage>;
