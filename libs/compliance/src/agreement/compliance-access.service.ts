import { Injectable } from '@nestjs/common';
import { Actor, DomainError, ErrorCode, Role } from '@gc/common';
import { ComplianceScope, mayActFor, NO_SCOPE } from '../assessment/evidence-access';
import { CommitteeAccessRepository } from './committee-access.repository';

/** Works out a caller's ComplianceScope with at most one query. */
@Injectable()
export class ComplianceAccessService {
  constructor(private readonly access: CommitteeAccessRepository) {}

  async scopeOf(actor: Actor | null): Promise<ComplianceScope> {
    if (!actor) return NO_SCOPE;
    if (actor.role === Role.SECRETARIAT) return { secretariatOf: actor.councilId, committeeIds: new Set() };
    if (actor.role === Role.DELEGATE)
      return { secretariatOf: null, committeeIds: new Set(await this.access.committeeIdsOfUser(actor.userId)) };
    return NO_SCOPE;
  }

  /** Throws unless the caller may manage agreements of this committee and assess their terms. */
  async assertMayManage(actor: Actor, owner: { councilId: string; committeeId: string }, field: string): Promise<void> {
    if (!mayActFor(await this.scopeOf(actor), owner)) {
      throw new DomainError(
        ErrorCode.NOT_COMMITTEE_MEMBER,
        "Only the secretariat and members of the agreement's committee may do this",
        field,
      );
    }
  }
}
