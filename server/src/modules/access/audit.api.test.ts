import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPGlite, openPGlite } from '../../db/database.ts';
import { call, signedInAs } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** What a person with database access would do to hide a change: turn off the guard, edit, turn it on. */
async function tamper(db: TestApp['db'], statement: ReturnType<typeof sql>) {
  await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
  await statement.execute(db);
  await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db);
}

describe('audit log', () => {
  it('records changes with before and after, and admins search it', async () => {
    const { session } = await signedInAs(t, ['admin']);
    const created = await call(t, session, 'POST', '/api/v1/organisations', {
      type: 'donor',
      nameEn: 'Audit Fund',
      nameUk: 'Фонд аудиту',
    });
    const org = created.json();
    await call(t, session, 'PATCH', `/api/v1/organisations/${org.id}`, {
      version: org.version,
      nameUk: 'Інша назва',
    });
    const res = await call(t, session, 'GET', `/api/v1/audit?entityType=organisation&entityId=${org.id}`);
    const items = res.json().items;
    expect(items.map((e: { action: string }) => e.action)).toEqual([
      'organisation.updated',
      'organisation.created',
    ]);
    expect(items[0].before.nameUk).toBe('Фонд аудиту');
    expect(items[0].after.nameUk).toBe('Інша назва');
    expect(items[0].actorLabel).toMatch(/@example.org$/);
  });

  it('keeps secrets out of the log', async () => {
    const { session } = await signedInAs(t, ['admin']);
    const rows = await t.db.selectFrom('audit_log').select(['before', 'after', 'meta']).execute();
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/argon2|password_hash|totp_secret|field-Notebook/);
    expect(session).toBeTruthy();
  });

  it('refuses updates and deletes from the application', async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('verifies an intact chain, and names the first entry that was edited', async () => {
    const intact = await t.services.audit.verifyAuditChain();
    expect(intact.breaks).toEqual([]);
    expect(intact.checked).toBeGreaterThan(3);

    const victim = await t.db
      .selectFrom('audit_log')
      .select(['seq', 'id'])
      .orderBy('seq')
      .offset(2)
      .limit(1)
      .executeTakeFirstOrThrow();
    await tamper(t.db, sql`update audit_log set actor_label = 'someone else' where seq = ${victim.seq}`);
    const broken = await t.services.audit.verifyAuditChain();
    expect(broken.breaks).toHaveLength(1);
    expect(broken.breaks[0]).toMatchObject({
      seq: Number(victim.seq),
      id: victim.id,
      reason: 'its content does not match its hash',
    });

    const { session } = await signedInAs(t, ['admin']);
    const viaApi = await call(t, session, 'GET', '/api/v1/audit/verify');
    expect(viaApi.json().breaks[0].seq).toBe(Number(victim.seq));
  });

  it('notices a deleted entry, and one cut from the end', async () => {
    const fresh = await createTestApp();
    try {
      const { session } = await signedInAs(fresh, ['admin']);
      for (let i = 0; i < 3; i++) {
        await call(fresh, session, 'POST', '/api/v1/organisations', {
          type: 'other',
          nameEn: `Org ${i}`,
          nameUk: `Орг ${i}`,
        });
      }
      const last = await fresh.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('seq').as('m'))
        .executeTakeFirstOrThrow();
      await tamper(fresh.db, sql`delete from audit_log where seq = ${Number(last.m)}`);
      expect((await fresh.services.audit.verifyAuditChain()).breaks[0]?.reason).toMatch(/chain ends at/);
      await tamper(fresh.db, sql`delete from audit_log where seq = 2`);
      expect((await fresh.services.audit.verifyAuditChain()).breaks[0]).toMatchObject({
        seq: 2,
        reason: 'entry 2 is missing',
      });
    } finally {
      await fresh.close();
    }
  });
});

describe('oselia audit verify (command line)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oselia-audit-cli-'));
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    OSELIA_DEMO: 'true',
    LOG_LEVEL: 'silent',
    DATABASE_URL: '',
  };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', ...args], {
      cwd: path.resolve(import.meta.dirname, '../../../..'),
      env,
      encoding: 'utf8',
    });

  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('exits 0 on an intact log and non-zero naming the edited entry', async () => {
    const seeded = run('demo', 'seed');
    expect(seeded.status, seeded.stderr).toBe(0);
    const ok = run('audit', 'verify');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/audit log intact: \d+ entries verified/);

    const handle = fromPGlite(await openPGlite({ dataDir: path.join(dataDir, 'pglite') }));
    const victim = await handle.db
      .selectFrom('audit_log')
      .select(['seq', 'id'])
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    await tamper(handle.db, sql`update audit_log set after = '{"nameEn":"forged"}' where seq = 3`);
    await handle.close();

    const bad = run('audit', 'verify');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`BROKEN at entry 3 (id ${victim.id})`);
  }, 120_000);
});
