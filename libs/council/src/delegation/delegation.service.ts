import { Injectable } from '@nestjs/common';
import { badInput, notFound, Page } from '@gc/common';
import { CouncilService } from '../council/council.service';
import { DelegationEntity } from './delegation.entity';
import { DelegationRepository } from './delegation.repository';

@Injectable()
export class DelegationService {
  constructor(
    private readonly delegations: DelegationRepository,
    private readonly councils: CouncilService,
  ) {}

  async get(id: string, field = 'id'): Promise<DelegationEntity> {
    const delegation = await this.delegations.findById(id);
    if (!delegation) throw notFound('Delegation', field);
    return delegation;
  }

  async getByCode(countryCode: string, councilId?: string | null): Promise<DelegationEntity> {
    const code = countryCode.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(code)) throw badInput('countryCode', 'countryCode must be an ISO 3166-1 alpha-2 code such as DE');
    const council = await this.councils.get(councilId);
    const delegation = await this.delegations.findByCode(council.id, code);
    if (!delegation) throw notFound('Delegation', 'countryCode');
    return delegation;
  }

  async page(councilId: string | null | undefined, limit: number, offset: number): Promise<Page<DelegationEntity>> {
    const council = await this.councils.get(councilId);
    const [items, totalCount] = await this.delegations.page(council.id, limit, offset);
    return { items, totalCount };
  }
}
