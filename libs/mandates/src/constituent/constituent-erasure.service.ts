import { Injectable } from '@nestjs/common';
import { Actor } from '@gc/common';
import { Db } from '@gc/db';
import { LedgerService } from '@gc/ledger';
import { DelegationService } from '@gc/council';
import { MandateService } from '../mandate/mandate.service';
import { ConstituentInput } from './constituent.inputs';
import { ConstituentErasureModel } from './constituent.model';
import { ConstituentRepository } from './constituent.repository';
import { ConstituentService } from './constituent.service';

/**
 * Erasure on request: the active mandate is revoked, every identity ciphertext and blind index is
 * overwritten with NULL, and only non-identifying facts remain (the opaque reference, the delegation,
 * dates, and the mandates' history by reference).
 */
@Injectable()
export class ConstituentErasureService {
  constructor(
    private readonly db: Db,
    private readonly constituents: ConstituentService,
    private readonly repository: ConstituentRepository,
    private readonly mandates: MandateService,
    private readonly delegations: DelegationService,
    private readonly ledger: LedgerService,
  ) {}

  erase(actor: Actor, input: ConstituentInput): Promise<ConstituentErasureModel> {
    return this.db.transaction(async () => {
      const constituent = await this.constituents.getManaged(actor, input.constituentId, 'input.constituentId', true);
      const mandatesRevoked = await this.mandates.revokeForErasure(constituent, actor.actorRef);
      await this.repository.erase(constituent.id);
      const delegation = await this.delegations.get(constituent.delegationId);
      await this.ledger.append(delegation.councilId, actor.actorRef, 'CONSTITUENT_ERASED', {
        constituent: constituent.ref,
        delegationId: delegation.id,
        mandatesRevoked,
      });
      return { ref: constituent.ref, mandatesRevoked };
    });
  }
}
