import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const databaseUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}, 'must look like postgres://user@host:5432/database');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('data'),
  DATABASE_URL: databaseUrl.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OSELIA_DEMO: bool.optional(),
  OSELIA_WEB_DIST: z.string().optional(),
  OSELIA_JOBS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  OSELIA_PUBLIC_URL: z.url().optional(),
  OSELIA_PORTAL_AT_ROOT: bool.default(false),
  OSELIA_DISCLOSURE_THRESHOLD: z.coerce.number().int().min(2).max(100).default(5),
  OSELIA_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'must be 64 hex characters (32 bytes), e.g. from `openssl rand -hex 32`')
    .optional(),
  OSELIA_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  OSELIA_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  OSELIA_LOCK_AFTER_FAILURES: z.coerce.number().int().min(3).max(100).default(10),
  OSELIA_LOCK_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(900),
  OSELIA_SIGNIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  OSELIA_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  OSELIA_PUBLIC_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  SMTP_URL: z
    .string()
    .regex(
      /^(smtps?:\/\/.+|json:)$/,
      'must be smtp://user:password@host:587, smtps://… or json: (build, do not send)',
    )
    .optional(),
  SMTP_FROM: z.string().min(3).max(200).optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  database: { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; url: string };
  logLevel: string;
  demo: boolean;
  webDist: string;
  assetsDir: string;
  jobsPollMs: number;
  publicUrl: string;
  /** `/` sends visitors to the public site (`/uk/`, `/en/`) instead of opening the staff app. */
  portalAtRoot: boolean;
  /** Public figures (portal, open data) below this are suppressed, with their complements. */
  disclosureThreshold: number;
  version: string;
  /** 32-byte key for AES-256-GCM and keyed hashes; from OSELIA_SECRET_KEY or DATA_DIR/secret.key. */
  secretKeyHex: string | undefined;
  auth: {
    sessionIdleMinutes: number;
    sessionMaxHours: number;
    lockAfterFailures: number;
    lockSeconds: number;
    signInRatePerMinute: number;
  };
  /** Uploaded files (grant documents, photos): largest accepted size. */
  uploadMaxBytes: number;
  /** Requests per minute and address on each public form route (grant applications). */
  publicRatePerMinute: number;
  /** Outgoing mail for the notification outbox; null = messages stay queued, visible to staff. */
  smtp: { url: string; from: string } | null;
};

export class ConfigError extends Error {}

/** The only reader of process.env. Throws ConfigError with one readable line per problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(repoRoot, e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir,
    database: e.DATABASE_URL
      ? { engine: 'postgres', url: e.DATABASE_URL }
      : { engine: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    logLevel: e.LOG_LEVEL,
    demo: e.OSELIA_DEMO ?? e.NODE_ENV !== 'production',
    webDist: path.resolve(repoRoot, e.OSELIA_WEB_DIST ?? 'web/dist'),
    assetsDir: path.join(repoRoot, 'server/assets'),
    jobsPollMs: e.OSELIA_JOBS_POLL_MS,
    publicUrl: e.OSELIA_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    portalAtRoot: e.OSELIA_PORTAL_AT_ROOT,
    disclosureThreshold: e.OSELIA_DISCLOSURE_THRESHOLD,
    version: process.env.npm_package_version ?? '0.1.0',
    secretKeyHex: e.OSELIA_SECRET_KEY,
    auth: {
      sessionIdleMinutes: e.OSELIA_SESSION_IDLE_MINUTES,
      sessionMaxHours: e.OSELIA_SESSION_MAX_HOURS,
      lockAfterFailures: e.OSELIA_LOCK_AFTER_FAILURES,
      lockSeconds: e.OSELIA_LOCK_SECONDS,
      signInRatePerMinute: e.OSELIA_SIGNIN_RATE_PER_MINUTE,
    },
    uploadMaxBytes: e.OSELIA_UPLOAD_MAX_BYTES,
    publicRatePerMinute: e.OSELIA_PUBLIC_RATE_PER_MINUTE,
    smtp: e.SMTP_URL
      ? {
          url: e.SMTP_URL,
          from:
            e.SMTP_FROM ?? `Oselia <no-reply@${new URL(e.OSELIA_PUBLIC_URL ?? 'http://localhost').hostname}>`,
        }
      : null,
  };
}

/** A database URL with its password hidden, for messages. */
export function describeDatabase(config: Config): string {
  if (config.database.engine === 'pglite') return `PGlite at ${config.database.dataDir}`;
  const u = new URL(config.database.url);
  if (u.password) u.password = '***';
  return `PostgreSQL at ${u.toString()}`;
}
