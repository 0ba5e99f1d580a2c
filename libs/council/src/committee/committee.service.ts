import { Injectable } from '@nestjs/common';
import { Actor, DomainError, ErrorCode, forbidden, notFound, Page } from '@gc/common';
import { Db } from '@gc/db';
import { LedgerService } from '@gc/ledger';
import { CouncilService } from '../council/council.service';
import { CommitteeEntity } from './committee.entity';
import { CreateCommitteeInput, RenameCommitteeInput } from './committee.inputs';
import { CommitteeRepository } from './committee.repository';

@Injectable()
export class CommitteeService {
  constructor(
    private readonly db: Db,
    private readonly committees: CommitteeRepository,
    private readonly councils: CouncilService,
    private readonly ledger: LedgerService,
  ) {}

  async get(id: string, field = 'id'): Promise<CommitteeEntity> {
    const committee = await this.committees.findById(id);
    if (!committee) throw notFound('Committee', field);
    return committee;
  }

  /** The committee, locked until the end of the transaction so that changes to it take turns. */
  async getForUpdate(id: string, field = 'id'): Promise<CommitteeEntity> {
    const committee = await this.committees.findByIdForUpdate(id);
    if (!committee) throw notFound('Committee', field);
    return committee;
  }

  async page(councilId: string | null | undefined, limit: number, offset: number): Promise<Page<CommitteeEntity>> {
    const council = await this.councils.get(councilId);
    const [items, totalCount] = await this.committees.page(council.id, limit, offset);
    return { items, totalCount };
  }

  create(actor: Actor, input: CreateCommitteeInput): Promise<CommitteeEntity> {
    return this.db.transaction(async () => {
      const council = await this.councils.get(input.councilId ?? actor.councilId, 'input.councilId');
      if (council.id !== actor.councilId) throw forbidden('You can only manage committees of your own council');
      const name = input.name.trim();
      const committee = await this.committees.insertIfAbsent({
        councilId: council.id,
        slug: input.slug,
        name,
        mandate: input.mandate.trim(),
      });
      if (!committee) throw new DomainError(ErrorCode.ALREADY_EXISTS, 'A committee with this slug or name already exists', 'input.slug');
      await this.ledger.append(council.id, actor.actorRef, 'COMMITTEE_CREATED', {
        committeeId: committee.id,
        slug: committee.slug,
        name: committee.name,
      });
      return committee;
    });
  }

  rename(actor: Actor, input: RenameCommitteeInput): Promise<CommitteeEntity> {
    return this.db.transaction(async () => {
      const committee = await this.committees.findByIdForUpdate(input.committeeId);
      if (!committee) throw notFound('Committee', 'input.committeeId');
      if (committee.councilId !== actor.councilId) throw forbidden('You can only manage committees of your own council');
      const name = input.name.trim();
      if (name === committee.name) return committee;
      if (await this.committees.nameTaken(committee.councilId, name, committee.id)) {
        throw new DomainError(ErrorCode.ALREADY_EXISTS, 'Another committee already has this name', 'input.name');
      }
      await this.committees.rename(committee.id, name);
      await this.ledger.append(committee.councilId, actor.actorRef, 'COMMITTEE_RENAMED', {
        committeeId: committee.id,
        from: committee.name,
        to: name,
      });
      return { ...committee, name };
    });
  }
}
