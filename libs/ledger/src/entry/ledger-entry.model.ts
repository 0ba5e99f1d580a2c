import { Field, Int, ObjectType } from '@nestjs/graphql';
import { canonicalJson } from '../canonical/canonical-json';
import { LedgerEntryEntity } from './ledger-entry.entity';

@ObjectType('LedgerEntry', { description: 'One append-only, hash-chained record of a change to governance state.' })
export class LedgerEntryModel {
  @Field(() => Int)
  seq: number;

  @Field()
  recordedAt: Date;

  @Field({ description: 'Pseudonymous id of who acted, or "system".' })
  actor: string;

  @Field()
  kind: string;

  @Field({ description: 'The payload as canonical JSON text.' })
  payload: string;

  @Field({ description: 'The exact canonical JSON text whose SHA-256 is `hash`.' })
  canonical: string;

  @Field()
  prevHash: string;

  @Field()
  hash: string;
}

export function toLedgerEntryModel(entity: LedgerEntryEntity): LedgerEntryModel {
  const body = JSON.parse(entity.canonical);
  return {
    seq: Number(entity.seq),
    recordedAt: entity.recordedAt,
    actor: entity.actor,
    kind: entity.kind,
    payload: canonicalJson(body.payload),
    canonical: entity.canonical,
    prevHash: entity.prevHash,
    hash: entity.hash,
  };
}
