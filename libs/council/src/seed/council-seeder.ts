import { Injectable } from '@nestjs/common';
import { Db } from '@gc/db';
import { LedgerService, SYSTEM_ACTOR } from '@gc/ledger';
import { CommitteeRepository } from '../committee/committee.repository';
import { CouncilEntity } from '../council/council.entity';
import { CouncilRepository } from '../council/council.repository';
import { DelegationRepository } from '../delegation/delegation.repository';
import { FOUNDING_COMMITTEES, FOUNDING_COUNCIL, FOUNDING_DELEGATIONS } from './founding-council';

/** Creates the founding council, its 24 delegations and 4 committees; re-running adds only what is missing. */
@Injectable()
export class CouncilSeeder {
  constructor(
    private readonly db: Db,
    private readonly councils: CouncilRepository,
    private readonly delegations: DelegationRepository,
    private readonly committees: CommitteeRepository,
    private readonly ledger: LedgerService,
  ) {}

  seedFoundingCouncil(): Promise<CouncilEntity> {
    return this.db.transaction(async () => {
      const { council, created } = await this.councils.insertIfAbsent({ ...FOUNDING_COUNCIL });
      if (created) {
        await this.ledger.append(council.id, SYSTEM_ACTOR, 'COUNCIL_FOUNDED', {
          councilId: council.id,
          slug: council.slug,
          name: council.name,
          foundedOn: council.foundedOn,
          settings: { ...council.settings },
        });
      }
      const newCodes = await this.delegations.insertMissing(council.id, FOUNDING_DELEGATIONS);
      for (const code of FOUNDING_DELEGATIONS.map((d) => d.code).filter((c) => newCodes.includes(c))) {
        const delegation = await this.delegations.findByCode(council.id, code);
        await this.ledger.append(council.id, SYSTEM_ACTOR, 'DELEGATION_CREATED', { delegationId: delegation!.id, countryCode: code });
      }
      for (const definition of FOUNDING_COMMITTEES) {
        const committee = await this.committees.insertIfAbsent({ councilId: council.id, ...definition });
        if (committee) {
          await this.ledger.append(council.id, SYSTEM_ACTOR, 'COMMITTEE_CREATED', {
            committeeId: committee.id,
            slug: committee.slug,
            name: committee.name,
          });
        }
      }
      return council;
    });
  }
}
