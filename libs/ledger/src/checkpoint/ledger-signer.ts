import { createPublicKey, KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@gc/config';
import { keyIdOf, noteVerifierKey, rawPublicKey, signBody, signedNote } from '../verify/checkpoint-note';
import { LedgerPublicKeyModel } from './ledger-checkpoint.model';

/** Holds the checkpoint signing key (COUNCIL_LEDGER_KEY); nothing else in the process sees it. */
@Injectable()
export class LedgerSigner implements OnApplicationBootstrap {
  private readonly logger = new Logger(LedgerSigner.name);
  private readonly privateKey: KeyObject;
  private readonly rawPublic: Buffer;
  readonly keyId: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.privateKey = config.ledgerKey;
    this.rawPublic = rawPublicKey(config.ledgerKey);
    this.keyId = keyIdOf(this.rawPublic);
  }

  /** Says which key signs, so that operators can publish its id; warns when it was generated rather than given. */
  onApplicationBootstrap(): void {
    this.logger.log(`ledger checkpoints are signed with Ed25519 key ${this.keyId}`);
    if (this.config.ledgerKeyGeneratedIn) {
      this.logger.warn(
        `COUNCIL_LEDGER_KEY is not set: the checkpoint key was generated into ${this.config.ledgerKeyGeneratedIn}. ` +
          'Back it up; a new key means everyone who pinned the old one must be told.',
      );
    }
  }

  /** Signs a checkpoint body; returns the signature and the whole signed note. */
  sign(body: string): { signature: string; note: string } {
    const signature = signBody(body, this.privateKey);
    return { signature, note: signedNote(body, signature, this.rawPublic) };
  }

  publicKey(): LedgerPublicKeyModel {
    return {
      algorithm: 'Ed25519',
      keyId: this.keyId,
      publicKey: this.rawPublic.toString('base64'),
      publicKeyPem: createPublicKey(this.privateKey).export({ format: 'pem', type: 'spki' }).toString(),
      noteVerifierKey: noteVerifierKey(this.rawPublic),
    };
  }
}
