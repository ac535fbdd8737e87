import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Reminder } from '../../reminders/entities/reminder.entity';
import type { ReminderKind } from '../../reminders/reminder-kind';
import { Task } from '../../tasks/entities/task.entity';
import { User } from '../../users/entities/user.entity';

/** A delivered notice in a user's in-app inbox. One per (reminder, user): a delivery repeated writes nothing. */
@Entity('notifications')
@Index('notifications_user_id_created_at_idx', ['userId', 'createdAt'])
@Index('notifications_reminder_id_user_id_key', ['reminderId', 'userId'], { unique: true })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'uuid' })
  reminderId: string;

  @ManyToOne(() => Reminder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reminder_id' })
  reminder?: Reminder;

  @Column({ type: 'varchar', length: 16 })
  kind: ReminderKind;

  @Index('notifications_task_id_idx')
  @Column({ type: 'uuid', nullable: true })
  taskId: string | null;

  @ManyToOne(() => Task, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'task_id' })
  task?: Task | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 4000 })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
