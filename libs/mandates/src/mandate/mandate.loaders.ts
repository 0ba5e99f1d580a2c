import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderFactory } from '@gc/common';
import { MandateEntity } from './mandate.entity';
import { MandateRepository } from './mandate.repository';

/** Each constituent's live ACTIVE mandate, or null. */
@Injectable()
export class ActiveMandateByConstituentLoader implements LoaderFactory<string, MandateEntity | null> {
  constructor(private readonly mandates: MandateRepository) {}

  create(): DataLoader<string, MandateEntity | null> {
    return new DataLoader(async (constituentIds) => {
      const byConstituent = new Map((await this.mandates.findLiveActive(constituentIds)).map((m) => [m.constituentId, m]));
      return constituentIds.map((id) => byConstituent.get(id) ?? null);
    });
  }
}
