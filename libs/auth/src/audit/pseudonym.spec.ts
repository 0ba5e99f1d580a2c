import { randomBytes } from 'node:crypto';
import { dailySalt, pseudonym, utcDay } from './pseudonym';

describe('audit pseudonyms', () => {
  const key = randomBytes(32);
  const morning = new Date('2026-03-01T00:00:01Z');
  const evening = new Date('2026-03-01T23:59:59Z');
  const nextDay = new Date('2026-03-02T00:00:00Z');

  it('uses the UTC day, whatever the local time zone', () => {
    expect(utcDay(new Date('2026-03-01T23:30:00-05:00'))).toBe('2026-03-02');
  });

  it('hashes an address alike within one UTC day, so one day of an attack can be followed', () => {
    expect(pseudonym(dailySalt(key, morning), 'address', '203.0.113.7')).toBe(pseudonym(dailySalt(key, evening), 'address', '203.0.113.7'));
  });

  it('hashes it differently on another day, and under another key, so records cannot be joined across days', () => {
    const today = pseudonym(dailySalt(key, evening), 'address', '203.0.113.7');
    expect(pseudonym(dailySalt(key, nextDay), 'address', '203.0.113.7')).not.toBe(today);
    expect(pseudonym(dailySalt(randomBytes(32), evening), 'address', '203.0.113.7')).not.toBe(today);
  });

  it('keeps addresses and accounts apart, and never contains the value', () => {
    const salt = dailySalt(key, morning);
    expect(pseudonym(salt, 'address', 'x@example.org')).not.toBe(pseudonym(salt, 'account', 'x@example.org'));
    expect(pseudonym(salt, 'account', 'x@example.org')).toMatch(/^[0-9a-f]{64}$/);
  });
});
