import { Logger } from '@nestjs/common';

/**
 * Runs `work` every `seconds` (never two runs at once; 0 means never) until stopped. For sweeps that make
 * stored state catch up with time; reads never depend on them. Failures are logged by message only.
 */
export function runPeriodically(name: string, seconds: number, work: () => Promise<string | null>): { stop(): void } {
  if (seconds <= 0) return { stop: () => undefined };
  const logger = new Logger(name);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    work()
      .then((summary) => summary && logger.log(summary))
      .catch((error: unknown) => logger.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (running = false));
  }, seconds * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
