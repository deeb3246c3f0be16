import type { Config } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemo } from './modules/demo/demo.service.ts';
import { createServices, type Services } from './services.ts';

export interface Runtime {
  handle: DatabaseHandle;
  services: Services;
  tenantId: string;
  migrated: string[];
}

type Log = (message: string) => void;

/** Opens and migrates the database, makes sure the mission and the places exist, seeds the demo. */
export async function bootstrap(config: Config, log: Log = () => {}): Promise<Runtime> {
  const handle = await openDatabase(config);
  try {
    const migrated = await migrateToLatest(handle.db);
    if (migrated.length > 0) log(`applied migrations: ${migrated.join(', ')}`);
    const services = createServices(handle, config);
    const tenantId = await services.tenants.ensureTenant();
    if ((await services.places.countPlaces()) === 0) {
      const { imported } = await services.places.importPlaces();
      log(`loaded ${imported} administrative units`);
    }
    if (config.demo) await seedDemo(services, tenantId);
    return { handle, services, tenantId, migrated };
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}
