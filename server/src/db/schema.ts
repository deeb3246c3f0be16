import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Database types as Kysely sees them. Migrations are frozen; this file follows the latest schema. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, T | string, T | string>;

export interface TenantsTable {
  id: string;
  slug: string;
  name_en: string;
  name_uk: string;
  created_at: Generated<Date>;
}

export interface OrganisationsTable {
  tenant_id: string;
  id: string;
  type: 'mission' | 'partner_ngo' | 'donor' | 'government' | 'other';
  name_en: string;
  name_uk: string;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface AdminUnitsTable {
  pcode: string;
  level: number;
  parent_pcode: string | null;
  name_en: string;
  name_uk: string;
  lat: number | null;
  lon: number | null;
}

export type JobStatusColumn = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JobsTable {
  tenant_id: string;
  id: string;
  kind: string;
  payload: Json;
  status: JobStatusColumn;
  progress_done: Generated<number>;
  progress_total: number | null;
  message: string | null;
  error: string | null;
  result: Json | null;
  checkpoint: Json | null;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_after: Timestamp;
  locked_by: string | null;
  heartbeat_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  updated_at: Generated<Date>;
}

export interface DB {
  tenants: TenantsTable;
  organisations: OrganisationsTable;
  admin_units: AdminUnitsTable;
  jobs: JobsTable;
}

export type JobRow = Selectable<JobsTable>;
export type NewJob = Insertable<JobsTable>;
export type JobUpdate = Updateable<JobsTable>;
export type AdminUnitRow = Selectable<AdminUnitsTable>;
