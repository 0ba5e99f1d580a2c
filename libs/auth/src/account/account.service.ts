import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Actor, badInput, DomainError, ErrorCode, forbidden, Role } from '@gc/common';
import { APP_CONFIG, AppConfig } from '@gc/config';
import { DelegationService } from '@gc/council';
import { Db } from '@gc/db';
import { LedgerService, SYSTEM_ACTOR } from '@gc/ledger';
import { AuthAuditService } from '../audit/auth-audit.service';
import { AuthEventDetail, AuthEventKind } from '../audit/auth-event.entity';
import { invalidToken, unauthenticated } from '../auth.errors';
import { AuthSessionService } from '../session/auth-session.service';
import { AuthService } from '../session/auth.service';
import { ActivateAccountInput, AssignCoordinatorInput, ChangePasswordInput } from './account.inputs';
import { hashPassword, normalizeEmail, randomToken, sha256Hex } from './secrets';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

export interface Invitation {
  user: UserEntity;
  activationToken: string;
  expiresAt: Date;
}

export interface SecretariatLogin {
  email: string;
  /** Set only when the password was generated here and must be shown once. */
  generatedPassword: string | null;
}

export const DEFAULT_ADMIN_EMAIL = 'secretariat@council.local';

@Injectable()
export class AccountService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly users: UserRepository,
    private readonly delegations: DelegationService,
    private readonly ledger: LedgerService,
    private readonly auth: AuthService,
    private readonly authSessions: AuthSessionService,
    private readonly audit: AuthAuditService,
  ) {}

  getUser(id: string): Promise<UserEntity | null> {
    return this.users.findById(id);
  }

  /** Creates a coordinator account for a delegation, to be activated with the returned one-time token. */
  assignCoordinator(actor: Actor, input: AssignCoordinatorInput): Promise<Invitation> {
    return this.db.transaction(async () => {
      const delegation = await this.delegations.get(input.delegationId, 'input.delegationId');
      if (delegation.councilId !== actor.councilId) throw forbidden('You can only assign coordinators in your own council');
      const invitation = await this.invite(Role.COORDINATOR, delegation, input.displayName, input.email, 'input.email');
      await this.ledger.append(delegation.councilId, actor.actorRef, 'COORDINATOR_ASSIGNED', {
        delegationId: delegation.id,
        coordinator: invitation.user.actorRef,
      });
      return invitation;
    });
  }

  /**
   * Creates a delegate's sign-in account in their delegation, to be activated with the returned one-time
   * token. The caller decides who may do this (the delegation's coordinators) and links the delegate to it.
   */
  inviteDelegate(
    delegation: { id: string; councilId: string },
    displayName: string,
    email: string,
    field = 'input.email',
  ): Promise<Invitation> {
    return this.db.transaction(() => this.invite(Role.DELEGATE, delegation, displayName, email, field));
  }

  /**
   * Another secretariat account (from the operations CLI, as the system: no one signed in creates it), to be
   * activated with the returned one-time token; it must then enrol a second factor like every secretariat account.
   */
  createSecretariat(councilId: string, displayName: string, email: string): Promise<Invitation> {
    return this.db.transaction(async () => {
      const invitation = await this.invite(Role.SECRETARIAT, { id: null, councilId }, displayName, email, 'email');
      await this.ledger.append(councilId, SYSTEM_ACTOR, 'SECRETARIAT_ACCOUNT_CREATED', { secretariat: invitation.user.actorRef });
      return invitation;
    });
  }

  private async invite(
    role: Role.SECRETARIAT | Role.COORDINATOR | Role.DELEGATE,
    delegation: { id: string | null; councilId: string },
    displayName: string,
    email: string,
    field: string,
  ): Promise<Invitation> {
    const activationToken = randomToken();
    const expiresAt = new Date(Date.now() + this.config.activationTokenTtlHours * 3600_000);
    const user = await this.users.insertIfEmailFree({
      councilId: delegation.councilId,
      email: normalizeEmail(email),
      displayName: displayName.trim(),
      role,
      delegationId: delegation.id,
      activationTokenHash: sha256Hex(activationToken),
      activationExpiresAt: expiresAt,
    });
    if (!user) throw new DomainError(ErrorCode.ALREADY_EXISTS, 'An account with this email already exists', field);
    return { user, activationToken, expiresAt };
  }

  /** Sets the first password with a one-time token; the token is spent whatever happens next. */
  activate(input: ActivateAccountInput): Promise<UserEntity> {
    return this.db.transaction(async () => {
      const user = await this.users.findByActivationHash(sha256Hex(input.token));
      if (!user || !user.activationExpiresAt || user.activationExpiresAt.getTime() < Date.now() || user.disabledAt) {
        throw invalidToken('input.token');
      }
      if (input.password.trim().toLowerCase() === user.email) throw badInput('input.password', 'password must not be your email address');
      const activatedAt = new Date();
      await this.users.update(user.id, {
        passwordHash: await hashPassword(input.password),
        activationTokenHash: null,
        activationExpiresAt: null,
        activatedAt,
      });
      await this.audit.record({ kind: AuthEventKind.ACCOUNT_ACTIVATED, userId: user.id, councilId: user.councilId });
      return { ...user, activatedAt, activationTokenHash: null };
    });
  }

  /**
   * Changes the password after confirming the current one (wrong ones count toward the sign-in lock), and
   * ends every other session of the account: whoever knew the old password is signed out everywhere.
   */
  async changePassword(actor: Actor, input: ChangePasswordInput, address: string | undefined): Promise<void> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw unauthenticated();
    await this.auth.confirmPassword(user, input.currentPassword, address, 'input.currentPassword');
    if (input.newPassword.trim().toLowerCase() === user.email)
      throw badInput('input.newPassword', 'password must not be your email address');
    if (input.newPassword === input.currentPassword)
      throw badInput('input.newPassword', 'the new password must differ from the current one');
    const passwordHash = await hashPassword(input.newPassword);
    await this.db.transaction(async () => {
      await this.users.update(user.id, { passwordHash });
      await this.authSessions.endSessions(user.id, actor.sessionId, AuthEventDetail.PASSWORD_CHANGED);
      await this.audit.record({
        kind: AuthEventKind.PASSWORD_CHANGED,
        userId: user.id,
        councilId: user.councilId,
        sessionId: actor.sessionId,
        address,
      });
    });
  }

  /**
   * Makes sure the council has a secretariat account. Uses COUNCIL_ADMIN_EMAIL / COUNCIL_ADMIN_PASSWORD
   * when set; otherwise generates a password that the caller must show once. Returns null when one existed.
   */
  ensureSecretariat(councilId: string): Promise<SecretariatLogin | null> {
    return this.db.transaction(async () => {
      if (await this.users.anyWithRole(councilId, Role.SECRETARIAT)) return null;
      const email = normalizeEmail(this.config.adminEmail ?? DEFAULT_ADMIN_EMAIL);
      const generatedPassword = this.config.adminPassword ? null : randomBytes(18).toString('base64url');
      const user = await this.users.insertIfEmailFree({
        councilId,
        email,
        displayName: 'Secretariat',
        role: Role.SECRETARIAT,
        passwordHash: await hashPassword(this.config.adminPassword ?? generatedPassword!),
        activatedAt: new Date(),
      });
      if (!user) throw new Error(`Cannot create the secretariat account: ${email} is already used by another account`);
      await this.ledger.append(councilId, SYSTEM_ACTOR, 'SECRETARIAT_ACCOUNT_CREATED', { secretariat: user.actorRef });
      return { email, generatedPassword };
    });
  }
}
