import { createPrivateKey, KeyObject, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ed25519Seed, sharedKey, weakKeyReason, weakSecretReason } from './key-strength';

export type NodeEnv = 'development' | 'test' | 'production';

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  /** Interface to listen on; loopback unless told otherwise. */
  host: string;
  /** External PostgreSQL; when absent the server runs an embedded one under `dataDir`. */
  databaseUrl: string | undefined;
  /**
   * A direct (not pooled) connection to the same database, for the session state that a transaction-mode pooler
   * cannot carry: LISTEN and the start-up lock. Defaults to `databaseUrl`.
   */
  databaseDirectUrl: string | undefined;
  /** Serves Prometheus metrics at GET /metrics. */
  metricsEnabled: boolean;
  /** On SIGTERM, how long requests in flight may take to finish before the process exits anyway. */
  shutdownGraceSeconds: number;
  dataDir: string;
  embeddedPostgresPort: number;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  activationTokenTtlHours: number;
  graphqlIntrospection: boolean;
  graphqlLandingPage: boolean;
  maxRequestBodyBytes: number;
  /** Deepest GraphQL selection accepted; the schema's legitimate queries stay well below it. */
  graphqlMaxDepth: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** AES-256 key (32 bytes) that protects constituents' identity data at rest. */
  dataKey: Buffer;
  /** Where a development install keeps the data key it generated; null when COUNCIL_DATA_KEY supplied it. */
  dataKeyGeneratedIn: string | null;
  /** Seconds between sweeps that record expired mandates; 0 turns the periodic sweep off. */
  mandateExpirySweepSeconds: number;
  /** Seconds between sweeps that record expired petitions; 0 turns the periodic sweep off. */
  petitionExpirySweepSeconds: number;
  /** Seconds between sweeps that close votes whose deadline passed; 0 turns the periodic sweep off. */
  voteDeadlineSweepSeconds: number;
  /** Ed25519 private key that signs ledger checkpoints. */
  ledgerKey: KeyObject;
  /** Where a development install keeps the ledger key it generated; null when COUNCIL_LEDGER_KEY supplied it. */
  ledgerKeyGeneratedIn: string | null;
  /** Seconds between scheduled ledger checkpoints; 0 turns the timer off (the other checkpoints still happen). */
  checkpointIntervalSeconds: number;
  /** Issuer name that authenticator apps show next to the code; neutral by default, so a searched phone does not name the council. */
  totpIssuer: string;
  /** Days that sign-in audit events are kept. */
  authEventRetentionDays: number;
  /** Seconds between sweeps that delete audit events past retention and spent sign-in challenges; 0 turns the periodic sweep off. */
  authEventSweepSeconds: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function databaseUrl(env: Env, name: 'DATABASE_URL' | 'DATABASE_DIRECT_URL'): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, 'must start with postgres:// or postgresql://');
  }
  return raw;
}

function databaseDirectUrl(env: Env): string | undefined {
  const direct = databaseUrl(env, 'DATABASE_DIRECT_URL');
  const pooled = databaseUrl(env, 'DATABASE_URL');
  if (direct && !pooled) throw new ConfigError('DATABASE_DIRECT_URL', 'needs DATABASE_URL as well (the embedded database has no pooler)');
  return direct ?? pooled;
}

/**
 * Secrets that a development install may generate for itself, kept in `<dataDir>/secrets.json`
 * so that restarts reuse them. Production must supply every one of them.
 */
export function localSecret(dataDir: string, name: string, bytes: number): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o711 });
  const file = join(dataDir, 'secrets.json');
  const secrets: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  if (!secrets[name]) {
    secrets[name] = randomBytes(bytes).toString('base64');
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets[name];
}

const DATA_KEY_BYTES = 32;

function dataKey(env: Env, production: boolean, dataDir: string): { key: Buffer; generatedIn: string | null } {
  const raw = env.COUNCIL_DATA_KEY ?? '';
  if (raw === '') {
    if (production) {
      throw new ConfigError('COUNCIL_DATA_KEY', 'is required in production (base64 of 32 random bytes: openssl rand -base64 32)');
    }
    return { key: Buffer.from(localSecret(dataDir, 'dataKey', DATA_KEY_BYTES), 'base64'), generatedIn: join(dataDir, 'secrets.json') };
  }
  const key = Buffer.from(raw, 'base64');
  // Node's decoder skips characters it does not know, so only a clean round trip proves the text was base64.
  if (key.length !== DATA_KEY_BYTES || key.toString('base64') !== raw) {
    throw new ConfigError('COUNCIL_DATA_KEY', `must be the base64 encoding of exactly ${DATA_KEY_BYTES} bytes (openssl rand -base64 32)`);
  }
  return { key, generatedIn: null };
}

const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const LEDGER_KEY_HELP = 'the base64 of a 32-byte Ed25519 private key seed (openssl rand -base64 32) or an Ed25519 PKCS#8 PEM';

function ed25519Key(raw: string): KeyObject {
  if (raw.startsWith('-----BEGIN')) {
    const key = createPrivateKey(raw);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
    return key;
  }
  const seed = Buffer.from(raw, 'base64');
  if (seed.length !== 32 || seed.toString('base64') !== raw) throw new Error('not a 32-byte base64 seed');
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** The checkpoint signing key. Losing it does not lose the ledger, but checkpoints signed later need a newly published key. */
function ledgerKey(env: Env, production: boolean, dataDir: string): { key: KeyObject; generatedIn: string | null } {
  const raw = (env.COUNCIL_LEDGER_KEY ?? '').trim();
  if (raw === '') {
    if (production) throw new ConfigError('COUNCIL_LEDGER_KEY', `is required in production: ${LEDGER_KEY_HELP}`);
    return { key: ed25519Key(localSecret(dataDir, 'ledgerKey', 32)), generatedIn: join(dataDir, 'secrets.json') };
  }
  try {
    return { key: ed25519Key(raw), generatedIn: null };
  } catch {
    throw new ConfigError('COUNCIL_LEDGER_KEY', `must be ${LEDGER_KEY_HELP}`);
  }
}

/**
 * Production refuses keys that are present but guessable (typed by hand, patterned, published examples) or
 * shared between purposes, because one leaked key must not open the others.
 */
function assertStrongKeys(env: Env, jwtSecret: string, data: Buffer, ledger: KeyObject): void {
  const jwtProblem = weakSecretReason(jwtSecret);
  if (jwtProblem) throw new ConfigError('JWT_SECRET', `${jwtProblem}: use at least 32 random bytes (openssl rand -base64 48)`);
  const dataProblem = weakKeyReason(data);
  if (dataProblem) throw new ConfigError('COUNCIL_DATA_KEY', `${dataProblem}: generate one with openssl rand -base64 32`);
  const seed = ed25519Seed(ledger);
  const ledgerProblem = weakKeyReason(seed);
  if (ledgerProblem) throw new ConfigError('COUNCIL_LEDGER_KEY', `${ledgerProblem}: generate one with openssl rand -base64 32`);
  const text = (value: string | undefined) => Buffer.from((value ?? '').trim(), 'utf8');
  const shared = sharedKey([
    { variable: 'JWT_SECRET', forms: [text(jwtSecret), Buffer.from(jwtSecret, 'base64'), Buffer.from(jwtSecret, 'hex')] },
    { variable: 'COUNCIL_DATA_KEY', forms: [data, text(env.COUNCIL_DATA_KEY)] },
    { variable: 'COUNCIL_LEDGER_KEY', forms: [seed, text(env.COUNCIL_LEDGER_KEY)] },
  ]);
  if (shared) throw new ConfigError(shared[1], `must not be the same key as ${shared[0]}: give every key its own random value`);
}

function issuer(env: Env): string {
  const raw = env.TOTP_ISSUER ?? '';
  if (raw === '') return 'GC';
  if (!/^[\p{L}\p{N} ._-]{1,40}$/u.test(raw)) {
    throw new ConfigError('TOTP_ISSUER', 'must be 1 to 40 letters, digits, spaces, dots, dashes or underscores');
  }
  return raw;
}

/** Reads the environment once into a typed, validated object. Throws ConfigError naming the variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const production = nodeEnv === 'production';
  const dataDir = resolve(env.COUNCIL_DATA_DIR || '.data');

  let jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret === '') {
    if (production) throw new ConfigError('JWT_SECRET', 'is required in production (at least 32 random bytes)');
    jwtSecret = localSecret(dataDir, 'jwtSecret', 32);
  } else if (Buffer.byteLength(jwtSecret) < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }
  const data = dataKey(env, production, dataDir);
  const ledger = ledgerKey(env, production, dataDir);
  if (production) assertStrongKeys(env, jwtSecret, data.key, ledger.key);

  return {
    nodeEnv,
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    databaseUrl: databaseUrl(env, 'DATABASE_URL'),
    databaseDirectUrl: databaseDirectUrl(env),
    metricsEnabled: bool(env, 'METRICS_ENABLED', false),
    // Below the 30 s that orchestrators usually wait between SIGTERM and SIGKILL.
    shutdownGraceSeconds: int(env, 'SHUTDOWN_GRACE_SECONDS', 25, 1, 600),
    dataDir,
    embeddedPostgresPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    jwtSecret,
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 3600),
    refreshTokenTtlSeconds: int(env, 'REFRESH_TOKEN_TTL_SECONDS', 14 * 24 * 3600, 300, 90 * 24 * 3600),
    activationTokenTtlHours: int(env, 'ACTIVATION_TOKEN_TTL_HOURS', 72, 1, 24 * 30),
    graphqlIntrospection: bool(env, 'GRAPHQL_INTROSPECTION', !production),
    graphqlLandingPage: bool(env, 'GRAPHQL_LANDING_PAGE', !production),
    // Room for a 10,000-row constituent CSV sent as one GraphQL variable.
    maxRequestBodyBytes: int(env, 'MAX_REQUEST_BODY_BYTES', 5 * 1024 * 1024, 1024, 10 * 1024 * 1024),
    graphqlMaxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 10, 2, 50),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const, 'info'),
    adminEmail: env.COUNCIL_ADMIN_EMAIL || undefined,
    adminPassword: env.COUNCIL_ADMIN_PASSWORD || undefined,
    dataKey: data.key,
    dataKeyGeneratedIn: data.generatedIn,
    // Tests call the sweep themselves, so that time-dependent assertions do not race a timer.
    mandateExpirySweepSeconds: int(env, 'MANDATE_EXPIRY_SWEEP_SECONDS', nodeEnv === 'test' ? 0 : 60, 0, 24 * 3600),
    petitionExpirySweepSeconds: int(env, 'PETITION_EXPIRY_SWEEP_SECONDS', nodeEnv === 'test' ? 0 : 60, 0, 24 * 3600),
    // Ballots are refused at the deadline by the database whether or not this has run; it then publishes the result.
    voteDeadlineSweepSeconds: int(env, 'VOTE_DEADLINE_SWEEP_SECONDS', nodeEnv === 'test' ? 0 : 5, 0, 3600),
    ledgerKey: ledger.key,
    ledgerKeyGeneratedIn: ledger.generatedIn,
    // Tests make their checkpoints themselves, so that no timer signs while they compare.
    checkpointIntervalSeconds: int(env, 'LEDGER_CHECKPOINT_INTERVAL_SECONDS', nodeEnv === 'test' ? 0 : 300, 0, 7 * 24 * 3600),
    totpIssuer: issuer(env),
    authEventRetentionDays: int(env, 'AUTH_EVENT_RETENTION_DAYS', 30, 1, 365),
    // Tests call the sweep themselves, so that no timer deletes what they inspect.
    authEventSweepSeconds: int(env, 'AUTH_EVENT_SWEEP_SECONDS', nodeEnv === 'test' ? 0 : 3600, 0, 7 * 24 * 3600),
  };
}
