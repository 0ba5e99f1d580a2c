import { Inject, Injectable } from '@nestjs/common';
import { Actor, badInput, decryptField, deriveSubkey, encryptField, fieldContext, forbidden, notFound } from '@gc/common';
import { APP_CONFIG, AppConfig } from '@gc/config';
import { Db } from '@gc/db';
import { randomToken, sha256Hex } from '../account/secrets';
import { UserEntity } from '../account/user.entity';
import { UserRepository } from '../account/user.repository';
import { AuthAuditService } from '../audit/auth-audit.service';
import { AuthEventDetail, AuthEventKind } from '../audit/auth-event.entity';
import { invalidSecondFactor, invalidToken, secondFactorAlreadyEnrolled, secondFactorNotEnrolled, unauthenticated } from '../auth.errors';
import { AuthSessionService } from '../session/auth-session.service';
import { AuthService, IssuedTokens } from '../session/auth.service';
import { SessionRepository } from '../session/session.repository';
import { LoginThrottleService } from '../throttle/login-throttle.service';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { SecondFactorRepository } from './second-factor.repository';
import { matchTotp, newTotpSecret, provisioningUri } from './totp';

/** How long the password step of a sign-in stays good for its second step. */
export const CHALLENGE_TTL_SECONDS = 5 * 60;

export interface SecondFactorChallenge {
  challengeToken: string;
  expiresAt: Date;
}

export type SignInStep = { tokens: IssuedTokens } | { challenge: SecondFactorChallenge };

export interface SecondFactorProof {
  code?: string | null;
  recoveryCode?: string | null;
}

export interface Enrolment {
  secret: string;
  provisioningUri: string;
}

/** The associated data binds a sealed secret to its account's row. */
const secretContext = (userId: string) => fieldContext('second_factor', 'secret_cipher', userId);

type ProofOutcome = 'ACCEPTED' | AuthEventDetail.WRONG_CODE | AuthEventDetail.REUSED_CODE | AuthEventDetail.WRONG_RECOVERY_CODE;

/** TOTP enrolment, the second step of sign-in, recovery codes, and removal. */
@Injectable()
export class SecondFactorService {
  private readonly secretKey: Buffer;
  private readonly recoveryKey: Buffer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly users: UserRepository,
    private readonly factors: SecondFactorRepository,
    private readonly sessions: SessionRepository,
    private readonly authSessions: AuthSessionService,
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuthAuditService,
  ) {
    this.secretKey = deriveSubkey(config.dataKey, 'global-council/second-factor/totp-secret/aes-256-gcm/v1');
    this.recoveryKey = deriveSubkey(config.dataKey, 'global-council/second-factor/recovery-code/hmac-sha256/v1');
  }

  /**
   * After the password was accepted: a session at once when the account has no second factor (for the
   * secretariat and coordinators, one that can only enrol), otherwise a short-lived challenge for the code.
   */
  beginSignIn(user: UserEntity, address: string | undefined): Promise<SignInStep> {
    return this.db.transaction(async () => {
      const subject = { userId: user.id, councilId: user.councilId, address };
      if (await this.factors.isConfirmed(user.id)) {
        const challengeToken = randomToken();
        const expiresAt = new Date(Date.now() + CHALLENGE_TTL_SECONDS * 1000);
        await this.factors.createChallenge(user.id, sha256Hex(challengeToken), expiresAt);
        await this.audit.record({ kind: AuthEventKind.LOGIN_SUCCEEDED, detail: AuthEventDetail.SECOND_FACTOR_CHALLENGE, ...subject });
        return { challenge: { challengeToken, expiresAt } };
      }
      const tokens = await this.auth.startSession(user.id, { secondFactor: false });
      await this.audit.record({
        kind: AuthEventKind.LOGIN_SUCCEEDED,
        detail: AuthEventDetail.PASSWORD_ONLY,
        sessionId: tokens.sessionId,
        ...subject,
      });
      return { tokens };
    });
  }

  /**
   * Trades a live challenge and a code (or an unused recovery code) for a session. Wrong, replayed or
   * spent codes count toward a per-account lock, whatever challenge or address they come with.
   */
  async completeSignIn(challengeToken: string, proof: SecondFactorProof, address: string | undefined): Promise<IssuedTokens> {
    const hasCode = typeof proof.code === 'string';
    if (hasCode === (typeof proof.recoveryCode === 'string')) throw badInput('input.code', 'give either code or recoveryCode');
    const challenge = await this.factors.findLiveChallenge(sha256Hex(challengeToken));
    if (!challenge) throw invalidToken('input.challengeToken');
    const { userId } = challenge;
    try {
      await this.throttle.assertSecondFactorNotLocked(userId);
    } catch (error) {
      await this.audit.record({ kind: AuthEventKind.SECOND_FACTOR_FAILED, detail: AuthEventDetail.LOCKED, userId, address });
      throw error;
    }
    let outcome: ProofOutcome = AuthEventDetail.WRONG_CODE;
    const tokens = await this.db.transaction(async () => {
      outcome = hasCode ? await this.acceptCode(userId, proof.code!) : await this.acceptRecoveryCode(userId, proof.recoveryCode!);
      if (outcome !== 'ACCEPTED') return null;
      if (!(await this.factors.spendChallenge(challenge.id))) throw invalidToken('input.challengeToken');
      const issued = await this.auth.startSession(userId, { secondFactor: true });
      await this.throttle.clearSecondFactor(userId);
      await this.audit.record({
        kind: hasCode ? AuthEventKind.SECOND_FACTOR_SUCCEEDED : AuthEventKind.RECOVERY_CODE_USED,
        userId,
        sessionId: issued.sessionId,
        address,
      });
      return issued;
    });
    if (tokens) return tokens;
    const locked = await this.throttle.recordSecondFactorFailure(userId);
    await this.audit.record({ kind: AuthEventKind.SECOND_FACTOR_FAILED, detail: outcome as AuthEventDetail, userId, address });
    if (locked) await this.audit.record({ kind: AuthEventKind.LOCKOUT, detail: AuthEventDetail.SECOND_FACTOR, userId, address });
    throw invalidSecondFactor(hasCode ? 'input.code' : 'input.recoveryCode');
  }

  /** Starts (or restarts) enrolment: a new secret, shown once, to scan into an authenticator app. */
  async startEnrolment(actor: Actor): Promise<Enrolment> {
    const secret = newTotpSecret();
    const stored = await this.factors.upsertPending(actor.userId, encryptField(this.secretKey, secret, secretContext(actor.userId)));
    if (!stored) throw secondFactorAlreadyEnrolled();
    return { secret, provisioningUri: provisioningUri(this.config.totpIssuer, secret) };
  }

  /**
   * Activates the factor with a first code from the app. This session counts as having presented it; every
   * other session of the account ends, since none of them did. Returns the recovery codes, shown only now.
   */
  async confirmEnrolment(actor: Actor, code: string): Promise<string[]> {
    const pending = await this.factors.findForUpdate(actor.userId);
    if (!pending) throw secondFactorNotEnrolled();
    if (pending.confirmedAt) throw secondFactorAlreadyEnrolled();
    const timeStep = matchTotp(decryptField(this.secretKey, pending.secretCipher, secretContext(actor.userId)), code);
    if (timeStep === null) throw invalidSecondFactor('input.code');
    await this.factors.confirm(actor.userId, timeStep);
    const recoveryCodes = newRecoveryCodes();
    await this.factors.replaceRecoveryCodes(
      actor.userId,
      recoveryCodes.map((recoveryCode) => hashRecoveryCode(this.recoveryKey, recoveryCode)),
    );
    await this.sessions.setSecondFactor(actor.sessionId, true);
    await this.authSessions.endSessions(actor.userId, actor.sessionId, AuthEventDetail.SECOND_FACTOR_ENROLLED);
    await this.audit.record({
      kind: AuthEventKind.SECOND_FACTOR_ENROLLED,
      userId: actor.userId,
      councilId: actor.councilId,
      sessionId: actor.sessionId,
    });
    return recoveryCodes;
  }

  /**
   * The account holder removes their factor, confirming with their password. Other sessions end, and this
   * one no longer counts as second-factor: the secretariat and coordinators are held to enrolment again.
   */
  async removeOwn(actor: Actor, password: string, address: string | undefined): Promise<void> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw unauthenticated();
    await this.auth.confirmPassword(user, password, address, 'input.password');
    await this.db.transaction(async () => {
      if (!(await this.factors.remove(actor.userId))) throw secondFactorNotEnrolled();
      await this.sessions.clearSecondFactorOfUser(actor.userId);
      await this.authSessions.endSessions(actor.userId, actor.sessionId, AuthEventDetail.SECOND_FACTOR_REMOVED);
      await this.audit.record({
        kind: AuthEventKind.SECOND_FACTOR_REMOVED,
        detail: AuthEventDetail.BY_OWNER,
        userId: actor.userId,
        councilId: actor.councilId,
        sessionId: actor.sessionId,
        address,
      });
    });
  }

  /**
   * The secretariat removes the factor of an account of its council whose holder lost both the app and the
   * recovery codes. Every session of that account ends; its holder signs in with the password and enrols again.
   */
  async reset(actor: Actor, userId: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user) throw notFound('The account', 'userId');
    if (user.councilId !== actor.councilId) throw forbidden('You can only reset accounts of your own council');
    if (!(await this.factors.remove(userId))) throw secondFactorNotEnrolled();
    await this.authSessions.endSessions(userId, null, AuthEventDetail.SECOND_FACTOR_REMOVED, actor.userId);
    await this.audit.record({
      kind: AuthEventKind.SECOND_FACTOR_REMOVED,
      detail: AuthEventDetail.BY_SECRETARIAT,
      userId,
      councilId: user.councilId,
      actorUserId: actor.userId,
    });
  }

  private async acceptCode(userId: string, code: string): Promise<ProofOutcome> {
    const factor = await this.factors.find(userId);
    if (!factor?.confirmedAt) return AuthEventDetail.WRONG_CODE;
    const timeStep = matchTotp(decryptField(this.secretKey, factor.secretCipher, secretContext(userId)), code);
    if (timeStep === null) return AuthEventDetail.WRONG_CODE;
    return (await this.factors.advanceStep(userId, timeStep)) ? 'ACCEPTED' : AuthEventDetail.REUSED_CODE;
  }

  private async acceptRecoveryCode(userId: string, recoveryCode: string): Promise<ProofOutcome> {
    const spent = await this.factors.spendRecoveryCode(userId, hashRecoveryCode(this.recoveryKey, recoveryCode));
    return spent ? 'ACCEPTED' : AuthEventDetail.WRONG_RECOVERY_CODE;
  }
}
