import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Actor } from '@gc/common';
import { APP_CONFIG, AppConfig } from '@gc/config';
import { AccessTokenClaims, AuthService } from '../session/auth.service';

export const JWT_ALGORITHM = 'HS256';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a PEM public key on
      // every request, which cost more CPU than the rest of verification. passport-jwt's types predate KeyObject;
      // it hands the key to jsonwebtoken untouched.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as Buffer,
      algorithms: [JWT_ALGORITHM],
      ignoreExpiration: false,
    });
  }

  /** Returning null fails authentication: a revoked session's tokens stop working at once. */
  async validate(claims: AccessTokenClaims): Promise<Actor | null> {
    if (typeof claims?.sub !== 'string' || typeof claims?.sid !== 'string') return null;
    return this.auth.actorFor(claims);
  }
}
