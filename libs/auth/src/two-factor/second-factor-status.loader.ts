import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderFactory } from '@gc/common';
import { SecondFactorRepository, SecondFactorStatusRow } from './second-factor.repository';

/** Second-factor status per user id, one query per request. */
@Injectable()
export class SecondFactorStatusLoader implements LoaderFactory<string, Omit<SecondFactorStatusRow, 'userId'>> {
  constructor(private readonly factors: SecondFactorRepository) {}

  create(): DataLoader<string, Omit<SecondFactorStatusRow, 'userId'>> {
    return new DataLoader(async (userIds) => {
      const rows = new Map((await this.factors.statuses(userIds)).map((row) => [row.userId, row]));
      return userIds.map((id) => rows.get(id) ?? { enrolled: false, recoveryCodesLeft: 0 });
    });
  }
}
