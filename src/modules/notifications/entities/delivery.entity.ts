import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Reminder } from '../../reminders/entities/reminder.entity';

export type DeliveryChannel = 'email' | 'webhook';
export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/**
 * A notice on an outside channel (email, a department's webhook): written with the inbox notices in the
 * reminder's transaction (an outbox), then sent by its own job with retries. Failures stay visible here.
 */
@Entity('deliveries')
@Index('deliveries_reminder_id_channel_target_key', ['reminderId', 'channel', 'target'], { unique: true })
@Index('deliveries_pending_idx', ['createdAt'], { where: `status = 'pending'` })
@Check('deliveries_channel_check', `channel IN ('email', 'webhook')`)
@Check('deliveries_status_check', `status IN ('pending', 'sent', 'failed')`)
export class Delivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  reminderId: string;

  @ManyToOne(() => Reminder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reminder_id' })
  reminder?: Reminder;

  @Column({ type: 'varchar', length: 16 })
  channel: DeliveryChannel;

  /** An email address, or a webhook's id. */
  @Column({ type: 'varchar', length: 320 })
  target: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
