import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

try {
  const db = new PGlite('/work/main/data/pglite', { extensions: { pg_trgm, unaccent }, debug: 0 });
  await db.waitReady;
  console.log('ok');
  await db.close();
} catch (e) {
  console.log('ERR', e);
}
