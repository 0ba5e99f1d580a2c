import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { VerifierState } from '../../../libs/ledger/src/verify';

/** What the verifier remembers between runs: per council, the last checkpoint it accepted. Small and human-readable. */
interface StateFile {
  version: 1;
  councils: Record<string, VerifierState>;
}

export function readState(path: string, councilId: string): VerifierState | null {
  if (!existsSync(path)) return null;
  let parsed: StateFile;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as StateFile;
  } catch {
    throw new Error(`${path} is not a verifier state file; move it away or pass another --state`);
  }
  if (parsed.version !== 1 || typeof parsed.councils !== 'object') throw new Error(`${path} is not a version 1 verifier state file`);
  return parsed.councils[councilId] ?? null;
}

/** Replaces the council's entry; written to a temporary file first so that a crash never leaves half a file. */
export function writeState(path: string, state: VerifierState): void {
  const existing: StateFile = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as StateFile) : { version: 1, councils: {} };
  existing.councils[state.origin] = state;
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(existing, null, 2)}\n`, { mode: 0o644 });
  renameSync(temporary, path);
}
