import { env } from '../env';
import { defaultQueueSettings, type QueueSettings } from './boss';

let current: QueueSettings = { ...defaultQueueSettings, leaseSeconds: env.RUN_LEASE_SECONDS };

/** The settings new jobs are sent with (each job keeps the lease it was sent with). */
export const queueSettings = (): QueueSettings => current;

/** Tests shorten the lease so a killed worker's job comes back in seconds. */
export function configureQueueSettings(settings: Partial<QueueSettings>): void {
  current = { ...current, ...settings };
}
