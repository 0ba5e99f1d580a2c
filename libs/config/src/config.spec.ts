import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('loadConfig: the constituent data key', () => {
  const base = { JWT_SECRET: 'x'.repeat(40) };
  const dirs: string[] = [];
  const dataDir = () => {
    dirs.push(mkdtempSync(join(tmpdir(), 'gc-config-')));
    return dirs.at(-1)!;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('reads COUNCIL_DATA_KEY as base64 of exactly 32 bytes', () => {
    const key = randomBytes(32);
    const config = loadConfig({ ...base, COUNCIL_DATA_KEY: key.toString('base64'), COUNCIL_DATA_DIR: dataDir() });
    expect(config.dataKey.equals(key)).toBe(true);
    expect(config.dataKeyGeneratedIn).toBeNull();
  });

  it.each([
    ['too short', randomBytes(16).toString('base64')],
    ['too long', randomBytes(33).toString('base64')],
    ['not base64', `${randomBytes(32).toString('base64').slice(0, 40)}!!!=`],
    ['hex instead of base64', randomBytes(32).toString('hex')],
  ])('refuses a key that is %s, naming the variable', (_, value) => {
    expect(() => loadConfig({ ...base, COUNCIL_DATA_KEY: value, COUNCIL_DATA_DIR: dataDir() })).toThrow(
      new ConfigError('COUNCIL_DATA_KEY', 'must be the base64 encoding of exactly 32 bytes (openssl rand -base64 32)'),
    );
  });

  it('refuses to start in production without one', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', COUNCIL_DATA_DIR: dataDir() })).toThrow(
      /^COUNCIL_DATA_KEY: is required in production/,
    );
  });

  it('generates one into the data directory for development, and reuses it on the next start', () => {
    const dir = dataDir();
    const first = loadConfig({ ...base, COUNCIL_DATA_DIR: dir });
    const second = loadConfig({ ...base, COUNCIL_DATA_DIR: dir });
    expect(first.dataKey).toHaveLength(32);
    expect(second.dataKey.equals(first.dataKey)).toBe(true);
    expect(first.dataKeyGeneratedIn).toBe(join(dir, 'secrets.json'));
    expect(Buffer.from(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')).dataKey, 'base64').equals(first.dataKey)).toBe(true);
  });
});

describe('loadConfig: mandate sweeps and request size', () => {
  const env = { JWT_SECRET: 'x'.repeat(40), COUNCIL_DATA_KEY: randomBytes(32).toString('base64') };

  it('sweeps expired mandates every minute by default, never by itself in tests, and as configured', () => {
    expect(loadConfig(env).mandateExpirySweepSeconds).toBe(60);
    expect(loadConfig({ ...env, NODE_ENV: 'test' }).mandateExpirySweepSeconds).toBe(0);
    expect(loadConfig({ ...env, MANDATE_EXPIRY_SWEEP_SECONDS: '5' }).mandateExpirySweepSeconds).toBe(5);
    expect(() => loadConfig({ ...env, MANDATE_EXPIRY_SWEEP_SECONDS: '-1' })).toThrow(/^MANDATE_EXPIRY_SWEEP_SECONDS:/);
  });

  it('accepts request bodies of 5 MiB by default, room for a 10,000-row CSV', () => {
    expect(loadConfig(env).maxRequestBodyBytes).toBe(5 * 1024 * 1024);
  });
});

describe('loadConfig: production refuses weak keys, naming the variable', () => {
  const strong = () => ({
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(48).toString('base64'),
    COUNCIL_DATA_KEY: randomBytes(32).toString('base64'),
    COUNCIL_LEDGER_KEY: randomBytes(32).toString('base64'),
    COUNCIL_DATA_DIR: join(tmpdir(), 'gc-config-never-written'),
  });
  const refusal = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (error) {
      return error instanceof ConfigError
        ? { variable: error.variable, message: error.message }
        : { variable: 'not a ConfigError', message: '' };
    }
    return null;
  };

  it('starts with three independent random keys', () => {
    const config = loadConfig(strong());
    expect(config.nodeEnv).toBe('production');
    expect(config.dataKeyGeneratedIn).toBeNull();
    expect(config.ledgerKeyGeneratedIn).toBeNull();
  });

  it('accepts a JWT secret written as hex, and a ledger key given as PEM', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    expect(
      refusal({
        ...strong(),
        JWT_SECRET: randomBytes(32).toString('hex'),
        COUNCIL_LEDGER_KEY: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      }),
    ).toBeNull();
  });

  it.each([
    ['missing', undefined, /^JWT_SECRET: is required in production/],
    ['short', 'a'.repeat(12), /^JWT_SECRET: must be at least 32 characters/],
    ['the test suite default', 'test-only-secret-that-is-long-enough-0123456789', /^JWT_SECRET: is a published example value/],
    ['a placeholder', 'please-changeme-to-something-long-and-random', /^JWT_SECRET: contains the placeholder word "changeme"/],
    ['one character repeated', 'x'.repeat(40), /^JWT_SECRET: is one character repeated/],
    ['a repeated pattern', 'abc123'.repeat(8), /^JWT_SECRET: repeats a 6-character pattern/],
    ['too few distinct characters', '0101101001011010011010010110100101101001', /^JWT_SECRET: has too few distinct characters/],
  ])('JWT_SECRET %s', (_, value, expected) => {
    const env: Record<string, string> = { ...strong() };
    if (value === undefined) delete env.JWT_SECRET;
    else env.JWT_SECRET = value;
    expect(refusal(env)?.message).toMatch(expected);
  });

  it.each([
    ['missing', undefined, /^COUNCIL_DATA_KEY: is required in production/],
    ['all bytes equal (the test suite default)', Buffer.alloc(32, 7).toString('base64'), /^COUNCIL_DATA_KEY: is one byte repeated/],
    ['all zero', Buffer.alloc(32).toString('base64'), /^COUNCIL_DATA_KEY: is one byte repeated/],
    ['a repeated 4-byte pattern', Buffer.alloc(32, Buffer.from('key!')).toString('base64'), /^COUNCIL_DATA_KEY: repeats a 4-byte pattern/],
    ['bytes 0..7 counted four times', Buffer.from(Array.from({ length: 32 }, (_, i) => i % 8)).toString('base64'), /repeats a 8-byte/],
    ['the digits of pi', Buffer.from('31415926535897932384626433832795').toString('base64'), /too few distinct bytes to be random/],
  ])('COUNCIL_DATA_KEY %s', (_, value, expected) => {
    const env: Record<string, string> = { ...strong() };
    if (value === undefined) delete env.COUNCIL_DATA_KEY;
    else env.COUNCIL_DATA_KEY = value;
    const problem = refusal(env);
    expect(problem?.variable).toBe('COUNCIL_DATA_KEY');
    expect(problem?.message).toMatch(expected);
  });

  it.each([
    ['missing', undefined, /^COUNCIL_LEDGER_KEY: is required in production/],
    ['all bytes equal (the test suite default)', Buffer.alloc(32, 9).toString('base64'), /^COUNCIL_LEDGER_KEY: is one byte repeated/],
    [
      'a PEM of a patterned seed',
      createPrivateKey({
        key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.alloc(32, 1)]),
        format: 'der',
        type: 'pkcs8',
      })
        .export({ format: 'pem', type: 'pkcs8' })
        .toString(),
      /^COUNCIL_LEDGER_KEY: is one byte repeated/,
    ],
  ])('COUNCIL_LEDGER_KEY %s', (_, value, expected) => {
    const env: Record<string, string> = { ...strong() };
    if (value === undefined) delete env.COUNCIL_LEDGER_KEY;
    else env.COUNCIL_LEDGER_KEY = value;
    expect(refusal(env)?.message).toMatch(expected);
  });

  it('refuses the same key used for two purposes, in any of its forms', () => {
    const key = randomBytes(32).toString('base64');
    expect(refusal({ ...strong(), COUNCIL_DATA_KEY: key, COUNCIL_LEDGER_KEY: key })).toEqual({
      variable: 'COUNCIL_LEDGER_KEY',
      message: 'COUNCIL_LEDGER_KEY: must not be the same key as COUNCIL_DATA_KEY: give every key its own random value',
    });
    expect(refusal({ ...strong(), JWT_SECRET: key, COUNCIL_DATA_KEY: key })?.variable).toBe('COUNCIL_DATA_KEY');
    const raw = randomBytes(32);
    expect(refusal({ ...strong(), JWT_SECRET: raw.toString('hex'), COUNCIL_LEDGER_KEY: raw.toString('base64') })?.message).toMatch(
      /^COUNCIL_LEDGER_KEY: must not be the same key as JWT_SECRET/,
    );
  });

  it('leaves development and test alone: they may use fixed keys', () => {
    const fixed = {
      JWT_SECRET: 'test-only-secret-that-is-long-enough-0123456789',
      COUNCIL_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
      COUNCIL_LEDGER_KEY: Buffer.alloc(32, 9).toString('base64'),
    };
    expect(loadConfig({ ...fixed, NODE_ENV: 'test' }).dataKey.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(() => loadConfig({ ...fixed, NODE_ENV: 'development' })).not.toThrow();
  });
});

describe('loadConfig: second factor and sign-in audit', () => {
  const env = {
    JWT_SECRET: 'x'.repeat(40),
    COUNCIL_DATA_KEY: randomBytes(32).toString('base64'),
    COUNCIL_LEDGER_KEY: randomBytes(32).toString('base64'),
  };

  it('names authenticator entries neutrally by default, and accepts another plain issuer', () => {
    expect(loadConfig(env).totpIssuer).toBe('GC');
    expect(loadConfig({ ...env, TOTP_ISSUER: 'Council Sign-in' }).totpIssuer).toBe('Council Sign-in');
    for (const bad of ['a:b', 'x'.repeat(41), 'line\nbreak']) {
      expect(() => loadConfig({ ...env, TOTP_ISSUER: bad })).toThrow(/^TOTP_ISSUER:/);
    }
  });

  it('keeps auth events 30 days and sweeps hourly by default, never by itself in tests, and as configured', () => {
    expect(loadConfig(env)).toMatchObject({ authEventRetentionDays: 30, authEventSweepSeconds: 3600 });
    expect(loadConfig({ ...env, NODE_ENV: 'test' }).authEventSweepSeconds).toBe(0);
    expect(loadConfig({ ...env, AUTH_EVENT_RETENTION_DAYS: '7' }).authEventRetentionDays).toBe(7);
    expect(() => loadConfig({ ...env, AUTH_EVENT_RETENTION_DAYS: '0' })).toThrow(/^AUTH_EVENT_RETENTION_DAYS:/);
  });
});

describe('loadConfig: several instances and operations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gc-config-ops-'));
  const base = { JWT_SECRET: 'x'.repeat(40), COUNCIL_DATA_DIR: dir };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uses DATABASE_URL for the direct connection unless DATABASE_DIRECT_URL names another', () => {
    expect(loadConfig({ ...base, DATABASE_URL: 'postgres://app@pooler:6432/council' }).databaseDirectUrl).toBe(
      'postgres://app@pooler:6432/council',
    );
    expect(
      loadConfig({ ...base, DATABASE_URL: 'postgres://app@pooler:6432/council', DATABASE_DIRECT_URL: 'postgres://app@db:5432/council' })
        .databaseDirectUrl,
    ).toBe('postgres://app@db:5432/council');
    expect(loadConfig(base).databaseDirectUrl).toBeUndefined();
  });

  it('refuses a malformed DATABASE_DIRECT_URL, or one without DATABASE_URL, naming the variable', () => {
    expect(() => loadConfig({ ...base, DATABASE_URL: 'postgres://a@b/c', DATABASE_DIRECT_URL: 'mysql://a@b/c' })).toThrow(
      new ConfigError('DATABASE_DIRECT_URL', 'must start with postgres:// or postgresql://'),
    );
    expect(() => loadConfig({ ...base, DATABASE_DIRECT_URL: 'postgres://a@b/c' })).toThrow(/^DATABASE_DIRECT_URL: needs DATABASE_URL/);
  });

  it('keeps metrics off unless METRICS_ENABLED, and bounds the shutdown grace period', () => {
    expect(loadConfig(base).metricsEnabled).toBe(false);
    expect(loadConfig({ ...base, METRICS_ENABLED: 'true' }).metricsEnabled).toBe(true);
    expect(loadConfig(base).shutdownGraceSeconds).toBe(25);
    expect(() => loadConfig({ ...base, SHUTDOWN_GRACE_SECONDS: '0' })).toThrow(/^SHUTDOWN_GRACE_SECONDS: must be between 1 and 600/);
  });
});
