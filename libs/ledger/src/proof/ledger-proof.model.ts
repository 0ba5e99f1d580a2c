import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('LedgerInclusionProof', {
  description: 'RFC 6962 audit path showing that entry seq is leaf seq - 1 of the tree of the first treeSize entries.',
})
export class LedgerInclusionProofModel {
  @Field(() => ID)
  councilId: string;

  @Field(() => Int)
  seq: number;

  @Field(() => Int)
  treeSize: number;

  @Field({ description: 'The entry hash, hex: the leaf data, hashed as SHA-256(0x00 || 32 bytes).' })
  entryHash: string;

  @Field({ description: 'The tree root at treeSize, hex; compare it with the signed checkpoint of that size.' })
  rootHash: string;

  @Field(() => [String], { description: 'Sibling subtree hashes from the leaf up, hex.' })
  path: string[];
}

@ObjectType('LedgerConsistencyProof', {
  description: 'RFC 6962 proof that the tree of the first fromSize entries is a prefix of the tree of the first toSize entries.',
})
export class LedgerConsistencyProofModel {
  @Field(() => ID)
  councilId: string;

  @Field(() => Int)
  fromSize: number;

  @Field(() => Int)
  toSize: number;

  @Field({ description: 'Root at fromSize, hex.' })
  fromRoot: string;

  @Field({ description: 'Root at toSize, hex.' })
  toRoot: string;

  @Field(() => [String], { description: 'Subtree hashes, hex, in RFC 6962 order.' })
  path: string[];
}
