import path from 'node:path';
import { z } from 'zod';
import { manifests } from '#shared/modules/index';
import { type StatutoryGround, statutoryGrounds } from '#shared/contracts/sources-rules';

const optionalModuleNames = manifests.filter((m) => 'optional' in m && m.optional).map((m) => m.name);

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);
/** A comma-separated list of names (usernames, grounds); absent → undefined, so a default can apply. */
const nameList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean),
  )
  .optional();

/** The sources rules (LAW.md §1–3): every duration configurable, LAW.md's values the defaults. */
function sourcesEnv() {
  return {
    LANTERN_SOURCES_AUTHORISATION_MONTHS: positive(12),
    LANTERN_SOURCES_JUVENILE_AUTHORISATION_MONTHS: positive(4),
    LANTERN_SOURCES_URGENT_HOURS: positive(72),
    LANTERN_SOURCES_WRITE_UP_HOURS: positive(72),
    LANTERN_SOURCES_CCA_NOTICE_DAYS: positive(7),
    LANTERN_SOURCES_RETENTION_YEARS: positive(3),
    LANTERN_SOURCES_JUVENILE_REVIEW_DAYS: positive(30),
    LANTERN_SOURCES_REVIEW_DAYS: positive(90),
    LANTERN_SOURCES_EXPIRY_WARNING_DAYS: positive(30),
    LANTERN_SOURCES_BREAK_GLASS_HOURS: positive(24),
    LANTERN_SOURCES_LONG_TERM_UNDERCOVER_MONTHS: positive(12),
    LANTERN_SOURCES_GROUNDS: nameList.refine(
      (names) => !names || names.every((n) => (statutoryGrounds as readonly string[]).includes(n)),
      { message: `names a ground that is not one of: ${statutoryGrounds.join(', ')}` },
    ),
    LANTERN_SOURCES_SENIOR_AOS: nameList,
    LANTERN_SOURCES_CCA_OFFICERS: nameList,
    LANTERN_SOURCES_REWARD_CONTROLLER_PENCE: positive(50_000),
    LANTERN_SOURCES_REASSESSMENT_PAYMENT_PENCE: positive(100_000),
    LANTERN_SOURCES_REASSESSMENT_DAYS: positive(7),
  };
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  /** Only this machine by default: a demo with a generated password must not face the network. */
  LANTERN_HOST: z.string().min(1).default('127.0.0.1'),
  LANTERN_ENV: z.enum(['development', 'demo', 'test', 'production']).default('demo'),
  LANTERN_DATA_DIR: z.string().min(1).default('./data'),
  LANTERN_KEY_DIR: z.string().min(1).optional(),
  LANTERN_MASTER_KEY: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  LANTERN_DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  LANTERN_SEED_DEMO: booleanFromEnv.optional(),
  LANTERN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LANTERN_TRUST_PROXY: booleanFromEnv.default(false),
  LANTERN_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  /** Optional modules to turn on, comma-separated (e.g. `fixture`, the reference module). */
  LANTERN_MODULES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean),
    )
    .refine((names) => names.every((n) => optionalModuleNames.includes(n)), {
      message: `names a module that is not an optional one; optional modules: ${optionalModuleNames.join(', ')}`,
    }),
  LANTERN_SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().positive().default(10),
  LANTERN_SIGN_IN_LOCK_FAILURES: z.coerce.number().int().positive().default(5),
  LANTERN_SIGN_IN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  LANTERN_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  LANTERN_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  ...sourcesEnv(),
});

export interface Config {
  port: number;
  host: string;
  env: 'development' | 'demo' | 'test' | 'production';
  dataDir: string;
  keyDir: string;
  /** Base64 master key from the environment; when set it replaces the key file (for a KMS-less container). */
  masterKey: string | undefined;
  databaseUrl: string | undefined;
  demoPassword: string | undefined;
  seedDemo: boolean;
  logLevel: string;
  trustProxy: boolean;
  bodyLimitBytes: number;
  /** Optional modules turned on (LANTERN_MODULES): their manifests say `optional`. */
  optionalModules: string[];
  session: { idleMinutes: number; absoluteHours: number };
  /** Sign-in attempts allowed per client address per minute. */
  signInAttemptsPerMinute: number;
  /**
   * Per-account lock-out: after `failures` failed sign-ins within `minutes`, the submitted username
   * is refused for `minutes`, whether or not it exists.
   */
  signInLockout: { failures: number; minutes: number };
  /** The sources rules (server/src/modules/sources/sources.rules.ts; LAW.md §1–3). */
  sources: {
    authorisationMonths: number;
    juvenileAuthorisationMonths: number;
    urgentHours: number;
    writeUpHours: number;
    ccaNoticeDays: number;
    retentionYears: number;
    juvenileReviewDays: number;
    reviewDays: number;
    expiryWarningDays: number;
    breakGlassHours: number;
    longTermUndercoverMonths: number;
    allowedGrounds: StatutoryGround[];
    /** Usernames of authorising officers of the higher level (juveniles, vulnerable, privileged material). */
    seniorAuthorisingOfficers: string[];
    /** Usernames of the officers designated for criminal conduct authorisations (s.29B). */
    ccaOfficers: string[];
    /** The handling life's values (modules/sources/handling/handling.rules.ts). */
    handling: {
      rewardControllerThresholdPence: number;
      reassessmentPaymentThresholdPence: number;
      reassessmentDays: number;
    };
  };
  version: string;
}

/** Thrown when the environment holds a value Lantern cannot start with; names the variable. */
export class ConfigError extends Error {}

/** Reads and validates the environment once, at start; every other module takes the typed Config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, version = '0.1.0'): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.LANTERN_DATA_DIR);
  return {
    port: e.PORT,
    host: e.LANTERN_HOST,
    env: e.LANTERN_ENV,
    dataDir,
    keyDir: path.resolve(e.LANTERN_KEY_DIR ?? path.join(dataDir, 'keys')),
    masterKey: e.LANTERN_MASTER_KEY,
    databaseUrl: e.DATABASE_URL,
    demoPassword: e.LANTERN_DEMO_PASSWORD,
    seedDemo: e.LANTERN_SEED_DEMO ?? e.LANTERN_ENV !== 'production',
    logLevel: e.LANTERN_LOG_LEVEL,
    trustProxy: e.LANTERN_TRUST_PROXY,
    bodyLimitBytes: e.LANTERN_BODY_LIMIT_BYTES,
    optionalModules: e.LANTERN_MODULES,
    session: { idleMinutes: e.LANTERN_SESSION_IDLE_MINUTES, absoluteHours: e.LANTERN_SESSION_ABSOLUTE_HOURS },
    signInAttemptsPerMinute: e.LANTERN_SIGN_IN_ATTEMPTS_PER_MINUTE,
    signInLockout: { failures: e.LANTERN_SIGN_IN_LOCK_FAILURES, minutes: e.LANTERN_SIGN_IN_LOCK_MINUTES },
    sources: {
      authorisationMonths: e.LANTERN_SOURCES_AUTHORISATION_MONTHS,
      juvenileAuthorisationMonths: e.LANTERN_SOURCES_JUVENILE_AUTHORISATION_MONTHS,
      urgentHours: e.LANTERN_SOURCES_URGENT_HOURS,
      writeUpHours: e.LANTERN_SOURCES_WRITE_UP_HOURS,
      ccaNoticeDays: e.LANTERN_SOURCES_CCA_NOTICE_DAYS,
      retentionYears: e.LANTERN_SOURCES_RETENTION_YEARS,
      juvenileReviewDays: e.LANTERN_SOURCES_JUVENILE_REVIEW_DAYS,
      reviewDays: e.LANTERN_SOURCES_REVIEW_DAYS,
      expiryWarningDays: e.LANTERN_SOURCES_EXPIRY_WARNING_DAYS,
      breakGlassHours: e.LANTERN_SOURCES_BREAK_GLASS_HOURS,
      longTermUndercoverMonths: e.LANTERN_SOURCES_LONG_TERM_UNDERCOVER_MONTHS,
      allowedGrounds: (e.LANTERN_SOURCES_GROUNDS as StatutoryGround[] | undefined) ?? [...statutoryGrounds],
      // The demo's officers hold the higher level and the CCA designation unless configured otherwise;
      // a production installation names its own.
      seniorAuthorisingOfficers:
        e.LANTERN_SOURCES_SENIOR_AOS ?? (e.LANTERN_ENV === 'production' ? [] : ['authorising-officer']),
      ccaOfficers:
        e.LANTERN_SOURCES_CCA_OFFICERS ?? (e.LANTERN_ENV === 'production' ? [] : ['authorising-officer']),
      handling: {
        rewardControllerThresholdPence: e.LANTERN_SOURCES_REWARD_CONTROLLER_PENCE,
        reassessmentPaymentThresholdPence: e.LANTERN_SOURCES_REASSESSMENT_PAYMENT_PENCE,
        reassessmentDays: e.LANTERN_SOURCES_REASSESSMENT_DAYS,
      },
    },
    version,
  };
}
