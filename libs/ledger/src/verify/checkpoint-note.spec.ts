import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import {
  checkpointBody,
  ed25519PrivateKeyFromSeed,
  keyIdOf,
  noteVerifierKey,
  parsePublicKey,
  rawPublicKey,
  signBody,
  signedNote,
  verifyCheckpointSignature,
} from './checkpoint-note';

// The worked example of Go's golang.org/x/mod/sumdb/note (package documentation): key, text and signed note.
const GO_SIGNER_KEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VERIFIER_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

const ROOT = '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328';
const COUNCIL = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('signed checkpoints', () => {
  const goKey = ed25519PrivateKeyFromSeed(Buffer.from(GO_SIGNER_KEY.split('+').slice(4).join('+'), 'base64').subarray(1));

  it("reproduces Go sumdb/note's published verifier key and signed note byte for byte", () => {
    const raw = rawPublicKey(goKey);
    expect(noteVerifierKey(raw, 'PeterNeumann')).toBe(GO_VERIFIER_KEY);
    expect(signedNote(GO_TEXT, signBody(GO_TEXT, goKey), raw, 'PeterNeumann')).toBe(GO_NOTE);
  });

  it('writes the c2sp.org/tlog-checkpoint body: origin, size, base64 root', () => {
    expect(checkpointBody({ origin: COUNCIL, treeSize: 8, rootHash: ROOT })).toBe(
      `${COUNCIL}\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n`,
    );
    expect(() => checkpointBody({ origin: COUNCIL, treeSize: 8, rootHash: ROOT.toUpperCase() })).toThrow(/hex/);
    expect(() => checkpointBody({ origin: 'a\nb', treeSize: 8, rootHash: ROOT })).toThrow(/one non-empty line/);
  });

  it('verifies a signature only for the exact origin, size, root and key', () => {
    const fields = { origin: COUNCIL, treeSize: 8, rootHash: ROOT };
    const signature = signBody(checkpointBody(fields), goKey);
    const publicKey = parsePublicKey(GO_VERIFIER_KEY);
    expect(verifyCheckpointSignature(fields, signature, publicKey)).toBe(true);
    expect(verifyCheckpointSignature({ ...fields, treeSize: 9 }, signature, publicKey)).toBe(false);
    expect(verifyCheckpointSignature({ ...fields, origin: '00000000-0000-4000-8000-000000000000' }, signature, publicKey)).toBe(false);
    expect(verifyCheckpointSignature({ ...fields, rootHash: `${ROOT.slice(0, 63)}9` }, signature, publicKey)).toBe(false);
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(verifyCheckpointSignature(fields, signature, other)).toBe(false);
    const flipped = Buffer.from(signature, 'base64');
    flipped[10] ^= 1;
    expect(verifyCheckpointSignature(fields, flipped.toString('base64'), publicKey)).toBe(false);
    expect(verifyCheckpointSignature(fields, 'not base64!', publicKey)).toBe(false);
  });

  it('reads a pinned key as PEM, raw base64 or note verifier key, and refuses anything else', () => {
    const raw = rawPublicKey(goKey);
    const pem = parsePublicKey(createPublicKey(goKey).export({ format: 'pem', type: 'spki' }).toString());
    for (const key of [pem, parsePublicKey(raw.toString('base64')), parsePublicKey(GO_VERIFIER_KEY)]) {
      expect(keyIdOf(rawPublicKey(key))).toBe(keyIdOf(raw));
    }
    expect(() => parsePublicKey('PeterNeumann+00000000+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toThrow(/hash/);
    expect(() => parsePublicKey('c2hvcnQ=')).toThrow(/expected a PEM/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(() => parsePublicKey(rsa)).toThrow(/Ed25519/);
  });
});
