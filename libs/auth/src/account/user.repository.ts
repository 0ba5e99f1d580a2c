import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Db } from '@gc/db';
import { In, IsNull } from 'typeorm';
import { Role } from '@gc/common';
import { UserEntity } from './user.entity';

@Injectable()
export class UserRepository {
  constructor(private readonly db: Db) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.db.manager.findOne(UserEntity, { where: { id } });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.db.manager.findOne(UserEntity, { where: { email } });
  }

  findByActivationHash(tokenHash: string): Promise<UserEntity | null> {
    return this.db.transactional.findOne(UserEntity, { where: { activationTokenHash: tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  findActiveCoordinators(delegationIds: readonly string[]): Promise<UserEntity[]> {
    return this.db.manager.find(UserEntity, {
      where: { role: Role.COORDINATOR, delegationId: In([...delegationIds]), disabledAt: IsNull() },
      order: { displayName: 'ASC', id: 'ASC' },
    });
  }

  async anyWithRole(councilId: string, role: Role): Promise<boolean> {
    return (await this.db.manager.count(UserEntity, { where: { councilId, role } })) > 0;
  }

  /** Inserts unless the email is taken, with a fresh random actor reference; returns null when it was taken. */
  async insertIfEmailFree(values: Partial<UserEntity>): Promise<UserEntity | null> {
    const result = await this.db.transactional
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values({ ...values, actorRef: randomUUID() })
      .orIgnore()
      .returning('id')
      .execute();
    return result.raw.length ? this.db.transactional.findOneOrFail(UserEntity, { where: { id: result.raw[0].id } }) : null;
  }

  async update(id: string, values: Partial<UserEntity>): Promise<void> {
    await this.db.transactional.update(UserEntity, { id }, values);
  }
}
