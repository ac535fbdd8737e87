/** Bull queue and job names, with their payloads, in one place. */
export const REMINDER_QUEUE = 'reminders';
export const DELIVERY_QUEUE = 'deliveries';
export const BULLETIN_QUEUE = 'bulletins';

export enum ReminderJob {
  /** Deliver one planned reminder at its moment. */
  Deliver = 'deliver',
  /** Find what is due and not sent, plan monthly report reminders, and deliver. */
  Sweep = 'sweep',
}

export enum DeliveryJob {
  /** Send one outside-channel delivery (email, webhook), with retries. */
  Send = 'send',
}

export enum BulletinJob {
  /** Generate last month's bulletin for every active plan that has none yet (hourly; idempotent). */
  GenerateDue = 'generate-due',
}

export interface DeliverReminderPayload {
  reminderId: string;
}

export interface SendDeliveryPayload {
  deliveryId: string;
}

/** Deterministic job ids: enqueueing the same reminder twice leaves one job. */
export const reminderJobId = (reminderId: string): string => `reminder:${reminderId}`;
export const deliveryJobId = (deliveryId: string): string => `delivery:${deliveryId}`;
export const SWEEP_JOB_ID = 'reminder-sweep';
export const BULLETIN_JOB_ID = 'bulletin-generate-due';
