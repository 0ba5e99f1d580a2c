import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'pino';

/** Paths the API itself answers; the web client never shadows them. */
const API_PATHS = ['/graphql', '/health', '/metrics'];

/**
 * The client's own pages get a strict policy: scripts, styles and connections only from this origin, nothing
 * inline, no framing. The GraphQL landing page (outside production) is not covered: it needs inline scripts.
 */
export const WEB_SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Modules are not content-hashed: the browser revalidates (ETag) rather than run a stale client against a new API.
  'Cache-Control': 'no-cache',
};

const isApiPath = (path: string) => API_PATHS.some((api) => path === api || path.startsWith(`${api}/`));

/** `dist/web`, found from the project root (the folder with package.json) so that it works from `dist/` and from sources under Jest. */
export function webClientDir(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'web');
}

/**
 * Serves the built web client at `/`, and `index.html` for any other page path (the client routes itself),
 * leaving `/graphql`, `/health` and `/metrics` to the API. Must be called before `app.init()`.
 */
export function serveWebClient(app: NestExpressApplication, logger: Logger, dir = webClientDir()): void {
  if (!existsSync(join(dir, 'index.html'))) {
    logger.warn({ dir }, 'the web client is not built (npm run build): only the API is served');
    return;
  }
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (!isApiPath(request.path)) response.set(WEB_SECURITY_HEADERS);
    next();
  });
  app.useStaticAssets(dir, {
    index: 'index.html',
    redirect: false,
    dotfiles: 'ignore',
    // serve-static writes its own Cache-Control; the client's policy above must win.
    setHeaders: (response: Response) => response.setHeader('Cache-Control', WEB_SECURITY_HEADERS['Cache-Control']),
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    // A missing file (with an extension) is a 404, not the page: a wrong script path must fail visibly.
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApiPath(request.path) || extname(request.path)) return next();
    response.sendFile('index.html', { root: dir });
  });
}
