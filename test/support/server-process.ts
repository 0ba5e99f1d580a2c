import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { GqlResult } from './test-app';

export const SERVER_MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');

export interface ServerProcess {
  child: ChildProcess;
  /** http://host:port/graphql as the server printed it. */
  graphqlUrl: string;
  /** http://host:port */
  baseUrl: string;
  output(): string;
  exit: Promise<number | null>;
  readyMs: number;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the built API server (`node dist/apps/api/src/main.js`, as `npm start` does) with `env` over this process's environment. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 90_000): Promise<ServerProcess> {
  const started = Date.now();
  const child = spawn(process.execPath, [SERVER_MAIN], { env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const graphqlUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', check);
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    child,
    graphqlUrl,
    baseUrl: graphqlUrl.replace(/\/graphql$/, ''),
    output: () => output,
    exit,
    readyMs: Date.now() - started,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exit;
    },
  };
}

export type Gql = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string) => Promise<GqlResult<T>>;

/** A GraphQL client for a server process, answering as the test app's `gql` does. */
export const gqlAt =
  (graphqlUrl: string): Gql =>
  async (query, variables, token) => {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: GqlResult['errors'] };
    return { status: response.status, data: body.data, errors: body.errors };
  };
