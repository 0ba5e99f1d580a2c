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
import { AccessGuard } from './guards/access.guard';
import { JWT_ALGORITHM, JwtStrategy } from './guards/jwt.strategy';
import { LocalStrategy } from './guards/local.strategy';
import { LoginGuard } from './guards/login.guard';
import { AuthResolver } from './session/auth.resolver';
import { AuthService } from './session/auth.service';
import { SessionRepository } from './session/session.repository';
import { LoginThrottleRepository } from './throttle/login-throttle.repository';
import { LoginThrottleService } from './throttle/login-throttle.service';

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
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AccountService, AuthService],
})
export class AuthModule {}
