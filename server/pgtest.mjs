import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

const t = Date.now();
const db = new PGlite('/tmp/pgltest', { extensions: { pg_trgm } });
await db.waitReady;
console.log('ready', Date.now() - t);
await db.exec('create extension if not exists pg_trgm');
console.log((await db.query("select similarity('abc','abd') s")).rows);
const t2 = Date.now();
const dump = await db.dumpDataDir('none');
console.log('dump', Date.now() - t2, dump.size);
await db.close();
const t3 = Date.now();
const db2 = new PGlite({ loadDataDir: dump, extensions: { pg_trgm } });
await db2.waitReady;
console.log('load', Date.now() - t3);
