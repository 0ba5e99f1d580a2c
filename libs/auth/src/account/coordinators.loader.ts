import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { groupByKey, LoaderFactory } from '@gc/common';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

/** Active coordinators per delegation id, one query per request. */
@Injectable()
export class CoordinatorsByDelegationLoader implements LoaderFactory<string, UserEntity[]> {
  constructor(private readonly users: UserRepository) {}

  create(): DataLoader<string, UserEntity[]> {
    return new DataLoader(async (delegationIds) =>
      groupByKey(delegationIds, await this.users.findActiveCoordinators(delegationIds), (user) => user.delegationId!),
    );
  }
}
