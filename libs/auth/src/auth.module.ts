import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, AppConfig } from '@gc/config';
import { CouncilModule } from '@gc/council';
import { LedgerModule } from '@gc/ledger';
import { AccountResolver } from './account/account.resolver';
import { AccountService } from './account/account.service';
import { CoordinatorsByDelegationLoader } from './account/coordinators.loader';
import { UserRepository } from './account/user.repository';
import { AuthAuditService } from './audit/auth-audit.service';
import { AuthEventRepository } from './audit/auth-event.repository';
import { AuthEventResolver } from './audit/auth-event.resolver';
import { AuthEventSweeper } from './audit/auth-event.sweeper';
import { AuthRetentionService } from './audit/auth-retention.service';
import { AccessGuard } from './guards/access.guard';
import { JWT_ALGORITHM, JwtStrategy } from './guards/jwt.strategy';
import { LocalStrategy } from './guards/local.strategy';
import { LoginGuard } from './guards/login.guard';
import { AuthSessionResolver } from './session/auth-session.resolver';
import { AuthSessionService } from './session/auth-session.service';
import { AuthResolver } from './session/auth.resolver';
import { AuthService } from './session/auth.service';
import { SessionRepository } from './session/session.repository';
import { LoginThrottleRepository } from './throttle/login-throttle.repository';
import { LoginThrottleService } from './throttle/login-throttle.service';
import { SecondFactorStatusLoader } from './two-factor/second-factor-status.loader';
import { SecondFactorRepository } from './two-factor/second-factor.repository';
import { SecondFactorResolver } from './two-factor/second-factor.resolver';
import { SecondFactorService } from './two-factor/second-factor.service';

@Module({
  imports: [
    PassportModule.register({ session: false }),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { algorithm: JWT_ALGORITHM },
        verifyOptions: { algorithms: [JWT_ALGORITHM] },
      }),
    }),
    CouncilModule,
    LedgerModule,
  ],
  providers: [
    UserRepository,
    SessionRepository,
    LoginThrottleRepository,
    LoginThrottleService,
    AuthService,
    AccountService,
    JwtStrategy,
    LocalStrategy,
    LoginGuard,
    AuthResolver,
    AccountResolver,
    CoordinatorsByDelegationLoader,
    AuthEventRepository,
    AuthAuditService,
    AuthEventResolver,
    AuthRetentionService,
    AuthEventSweeper,
    AuthSessionService,
    AuthSessionResolver,
    SecondFactorRepository,
    SecondFactorService,
    SecondFactorResolver,
    SecondFactorStatusLoader,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AccountService, AuthService, AuthRetentionService],
})
export class AuthModule {}
