import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('loadConfig: the ledger signing key', () => {
  const base = { JWT_SECRET: 'x'.repeat(40), COUNCIL_DATA_KEY: randomBytes(32).toString('base64') };
  const dirs: string[] = [];
  const dataDir = () => {
    dirs.push(mkdtempSync(join(tmpdir(), 'gc-config-')));
    return dirs.at(-1)!;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const publicPem = (key: Parameters<typeof createPublicKey>[0]) => createPublicKey(key).export({ format: 'pem', type: 'spki' });

  it('reads COUNCIL_LEDGER_KEY as the base64 of a 32-byte Ed25519 seed, or as a PKCS#8 PEM', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(16);
    const fromSeed = loadConfig({ ...base, COUNCIL_LEDGER_KEY: seed.toString('base64'), COUNCIL_DATA_DIR: dataDir() });
    const fromPem = loadConfig({
      ...base,
      COUNCIL_LEDGER_KEY: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      COUNCIL_DATA_DIR: dataDir(),
    });
    expect(publicPem(fromSeed.ledgerKey)).toEqual(publicPem(privateKey));
    expect(publicPem(fromPem.ledgerKey)).toEqual(publicPem(privateKey));
    expect(fromSeed.ledgerKeyGeneratedIn).toBeNull();
  });

  it.each([
    ['too short', randomBytes(16).toString('base64')],
    ['hex instead of base64', randomBytes(32).toString('hex')],
    ['an RSA key', generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()],
    ['a broken PEM', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'],
  ])('refuses a key that is %s, naming the variable', (_, value) => {
    expect(() => loadConfig({ ...base, COUNCIL_LEDGER_KEY: value, COUNCIL_DATA_DIR: dataDir() })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, COUNCIL_LEDGER_KEY: value, COUNCIL_DATA_DIR: dataDir() })).toThrow(/^COUNCIL_LEDGER_KEY: must be/);
  });

  it('refuses to start in production without one', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', COUNCIL_DATA_DIR: dataDir() })).toThrow(
      /^COUNCIL_LEDGER_KEY: is required in production/,
    );
  });

  it('generates one into the data directory for development, and reuses it on the next start', () => {
    const dir = dataDir();
    const first = loadConfig({ ...base, COUNCIL_DATA_DIR: dir });
    const second = loadConfig({ ...base, COUNCIL_DATA_DIR: dir });
    expect(first.ledgerKeyGeneratedIn).toBe(join(dir, 'secrets.json'));
    expect(publicPem(second.ledgerKey)).toEqual(publicPem(first.ledgerKey));
    expect(Buffer.from(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')).ledgerKey, 'base64')).toHaveLength(32);
  });

  it('signs a checkpoint every five minutes by default, never by itself in tests, and as configured', () => {
    expect(loadConfig({ ...base, COUNCIL_DATA_DIR: dataDir() }).checkpointIntervalSeconds).toBe(300);
    expect(loadConfig({ ...base, NODE_ENV: 'test', COUNCIL_DATA_DIR: dataDir() }).checkpointIntervalSeconds).toBe(0);
    expect(loadConfig({ ...base, LEDGER_CHECKPOINT_INTERVAL_SECONDS: '60', COUNCIL_DATA_DIR: dataDir() }).checkpointIntervalSeconds).toBe(
      60,
    );
    expect(() => loadConfig({ ...base, LEDGER_CHECKPOINT_INTERVAL_SECONDS: 'often', COUNCIL_DATA_DIR: dataDir() })).toThrow(
      /^LEDGER_CHECKPOINT_INTERVAL_SECONDS: must be a whole number/,
    );
  });
});
