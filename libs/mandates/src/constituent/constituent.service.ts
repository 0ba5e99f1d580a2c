import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, badInput, notFound, Page } from '@gc/common';
import { DelegationService } from '@gc/council';
import { Db } from '@gc/db';
import { assertCoordinatorOf } from '../delegation-access';
import { newConstituentRef } from './constituent-ref';
import { ConstituentEntity } from './constituent.entity';
import { constituentErased, duplicateConstituent } from './constituent.errors';
import { RegisterConstituentInput } from './constituent.inputs';
import { ConstituentModel, toConstituentModel } from './constituent.model';
import { ConstituentRepository } from './constituent.repository';
import { ConstituentIdentity, validateIdentity } from './identity';
import { IdentityCipher } from './identity-cipher';

export interface RegisteredConstituent {
  id: string;
  ref: string;
}

/** A constituent as the coordinator's export lists them: identity, live mandate, reference. */
export interface ConstituentRecord {
  ref: string;
  identity: ConstituentIdentity;
  delegateName: string | null;
  expiresAt: Date | null;
}

@Injectable()
export class ConstituentService {
  constructor(
    private readonly db: Db,
    private readonly constituents: ConstituentRepository,
    private readonly delegations: DelegationService,
    private readonly cipher: IdentityCipher,
  ) {}

  /** A constituent the actor coordinates, not erased; `lock` holds their row until the end of the transaction. */
  async getManaged(actor: Actor, id: string, field: string, lock = false): Promise<ConstituentEntity> {
    const constituent = lock ? await this.constituents.findByIdForUpdate(id) : await this.constituents.findById(id);
    if (!constituent) throw notFound('Constituent', field);
    assertCoordinatorOf(actor, constituent.delegationId);
    if (constituent.erasedAt) throw constituentErased(field);
    return constituent;
  }

  async get(actor: Actor, id: string): Promise<ConstituentModel> {
    return this.toModel(await this.getManaged(actor, id, 'id'));
  }

  async page(actor: Actor, delegationId: string, limit: number, offset: number): Promise<Page<ConstituentModel>> {
    const delegation = await this.delegations.get(delegationId, 'delegationId');
    assertCoordinatorOf(actor, delegation.id);
    const [items, totalCount] = await this.constituents.page(delegation.id, limit, offset);
    return { items: items.map((c) => this.toModel(c)), totalCount };
  }

  register(actor: Actor, input: RegisterConstituentInput): Promise<ConstituentModel> {
    return this.db.transaction(async () => {
      const delegation = await this.delegations.get(input.delegationId, 'input.delegationId');
      assertCoordinatorOf(actor, delegation.id);
      const { identity, problems } = validateIdentity(input);
      if (!identity) throw badInput(`input.${problems[0].field}`, problems[0].problem);
      const [taken] = await this.registeredContacts(delegation.id, [identity]);
      if (taken.length) throw duplicateConstituent(`input.${taken[0]}`);
      const [created] = await this.insertMany(delegation.id, [identity]);
      if (!created) throw duplicateConstituent(identity.email ? 'input.email' : 'input.phone');
      return this.toModel((await this.constituents.findById(created.id))!);
    });
  }

  /** For each identity, the contacts (email, phone) another constituent of the delegation already registered. */
  async registeredContacts(delegationId: string, identities: readonly ConstituentIdentity[]): Promise<('email' | 'phone')[][]> {
    const indexes = identities.map((identity) => this.cipher.indexes(identity));
    const registered = await this.constituents.registeredIndexes(
      delegationId,
      indexes.flatMap((i) => (i.emailIndex ? [i.emailIndex] : [])),
      indexes.flatMap((i) => (i.phoneIndex ? [i.phoneIndex] : [])),
    );
    return indexes.map((i) => [
      ...(i.emailIndex && registered.email.has(i.emailIndex.toString('hex')) ? (['email'] as const) : []),
      ...(i.phoneIndex && registered.phone.has(i.phoneIndex.toString('hex')) ? (['phone'] as const) : []),
    ]);
  }

  /**
   * Encrypts and inserts constituents in one statement, in the caller's transaction. Returns an empty list
   * when any of them turned out to be registered meanwhile; the caller must then fail, which undoes the rest.
   */
  async insertMany(delegationId: string, identities: readonly ConstituentIdentity[]): Promise<RegisteredConstituent[]> {
    const rows = identities.map((identity) => {
      const id = randomUUID();
      return { id, delegationId, ref: newConstituentRef(), ...this.cipher.seal(id, identity) };
    });
    if (!(await this.constituents.insertMany(rows))) return [];
    return rows.map((row) => ({ id: row.id, ref: row.ref }));
  }

  /** Every constituent of the delegation not erased, decrypted, with their live mandate; the caller checks access. */
  async records(delegationId: string): Promise<ConstituentRecord[]> {
    return (await this.constituents.exportRows(delegationId)).map((row) => ({
      ref: row.ref,
      identity: this.cipher.open(row),
      delegateName: row.delegateName,
      expiresAt: row.expiresAt,
    }));
  }

  toModel(constituent: ConstituentEntity): ConstituentModel {
    return toConstituentModel(constituent, this.cipher.open(constituent));
  }
}
