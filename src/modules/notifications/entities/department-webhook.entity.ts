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
import { Department } from '../../departments/entities/department.entity';

export const WEBHOOK_FORMATS = ['json', 'dingtalk', 'wecom'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];
export const WEBHOOK_MSG_TYPES = ['text', 'markdown'] as const;
export type WebhookMsgType = (typeof WEBHOOK_MSG_TYPES)[number];

/** A department's robot or endpoint that receives its notices. */
@Entity('department_webhooks')
@Index('department_webhooks_department_id_idx', ['departmentId'])
@Check('department_webhooks_format_check', `format IN ('json', 'dingtalk', 'wecom')`)
@Check('department_webhooks_msg_type_check', `msg_type IN ('text', 'markdown')`)
export class DepartmentWebhook {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  departmentId: string;

  @ManyToOne(() => Department, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id' })
  department?: Department;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'varchar', length: 16 })
  format: WebhookFormat;

  @Column({ type: 'varchar', length: 16, default: 'text' })
  msgType: WebhookMsgType;

  /** json: the HMAC-SHA256 key of the signature header; dingtalk: the robot's 加签 secret. */
  @Column({ type: 'varchar', length: 200, nullable: true, select: false })
  secret: string | null;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
