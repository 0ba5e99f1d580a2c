export * from './auth.module';
export * from './account/account.service';
export * from './account/user.entity';
export * from './session/auth-session.entity';
export * from './session/auth.service';
export * from './throttle/login-throttle.entity';
export * from './throttle/login-throttle.service';
