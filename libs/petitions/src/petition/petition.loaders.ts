import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderFactory } from '@gc/common';
import { PetitionRepository } from './petition.repository';

/** Valid (currently seated) signatures per petition. */
@Injectable()
export class ValidSignaturesLoader implements LoaderFactory<string, number> {
  constructor(private readonly petitions: PetitionRepository) {}

  create(): DataLoader<string, number> {
    return new DataLoader(async (ids) => {
      const counts = new Map((await this.petitions.counts(ids)).map((row) => [row.petitionId, row.validSignatures]));
      return ids.map((id) => counts.get(id) ?? 0);
    });
  }
}
