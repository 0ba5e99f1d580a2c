import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@gc/common';
import { CheckpointReason } from './checkpoint-reason';
import { LedgerCheckpointEntity } from './ledger-checkpoint.entity';

@ObjectType('LedgerCheckpoint', {
  description: 'A signed commitment to the first treeSize entries of a council ledger (c2sp.org/tlog-checkpoint, Ed25519).',
})
export class LedgerCheckpointModel {
  @Field(() => ID, { description: 'The council, which is also the origin line of the signed checkpoint.' })
  councilId: string;

  @Field(() => Int)
  treeSize: number;

  @Field({ description: 'RFC 6962 Merkle tree hash over the SHA-256 entry hashes 1..treeSize, hex.' })
  rootHash: string;

  @Field({ description: 'The signed text: origin, tree size and base64 root, one per line.' })
  body: string;

  @Field({ description: 'Ed25519 signature over body, base64.' })
  signature: string;

  @Field({ description: 'SHA-256 of the signing public key, hex (see ledgerPublicKey).' })
  keyId: string;

  @Field({ description: 'The signed note: body, a blank line and the signature line, as signed-note tools read it.' })
  note: string;

  @Field(() => CheckpointReason)
  reason: CheckpointReason;

  @Field()
  createdAt: Date;
}

@ObjectType('LedgerCheckpointPage')
export class LedgerCheckpointPage extends Paginated(LedgerCheckpointModel) {}

@ObjectType('LedgerPublicKey', {
  description: 'The key that signs ledger checkpoints. Pin it: compare it with the one the council publishes elsewhere.',
})
export class LedgerPublicKeyModel {
  @Field()
  algorithm: string;

  @Field({ description: 'SHA-256 of the raw public key, hex.' })
  keyId: string;

  @Field({ description: 'The 32 raw bytes of the Ed25519 public key, base64.' })
  publicKey: string;

  @Field({ description: 'The same key as a PEM SubjectPublicKeyInfo block.' })
  publicKeyPem: string;

  @Field({ description: 'The same key as a signed-note verifier key (name+hash+key).' })
  noteVerifierKey: string;
}

export function toLedgerCheckpointModel(entity: LedgerCheckpointEntity): LedgerCheckpointModel {
  return {
    councilId: entity.councilId,
    treeSize: Number(entity.treeSize),
    rootHash: entity.rootHash,
    // The body is the note up to the blank line that precedes the signatures.
    body: entity.note.slice(0, entity.note.indexOf('\n\n') + 1),
    signature: entity.signature,
    keyId: entity.keyId,
    note: entity.note,
    reason: entity.reason as CheckpointReason,
    createdAt: entity.createdAt,
  };
}
