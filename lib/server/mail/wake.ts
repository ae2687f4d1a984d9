import "server-only";
/*
 * The app's actions wake the sender after queuing mail, without importing it (and its rendering):
 * the sender (started in the same process by lib/server/startup.ts) leaves its function here.
 */
const globalForMail = globalThis as unknown as { cadenceMailWake?: () => void };

/** Sends what was just queued now rather than at the next poll (a no-op where no sender runs, as in tests). */
export function wakeMailSender(): void {
  globalForMail.cadenceMailWake?.();
}

export function setMailWake(wake: (() => void) | undefined): void {
  if (wake) globalForMail.cadenceMailWake = wake;
  else delete globalForMail.cadenceMailWake;
}

export function currentMailWake(): (() => void) | undefined {
  return globalForMail.cadenceMailWake;
}
