import { Badge, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import type { Light, Task, TaskStatus } from '../api/types';
import { LIGHT_COLORS, LIGHT_LABELS, STATUS_COLORS, STATUS_LABELS } from '../lib/labels';
import { daysLeft, formatTime } from '../lib/time';

export function LightDot({ light, showText = true }: { light: Light | null; showText?: boolean }) {
  if (!light) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span className={`light light-${light}`} data-light={light}>
      <Badge color={LIGHT_COLORS[light]} text={showText ? LIGHT_LABELS[light] : undefined} />
    </span>
  );
}

export function StatusTag({ status }: { status: TaskStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status}>
      {STATUS_LABELS[status]}
    </Tag>
  );
}

export function TaskProgress({
  task,
  width = 140,
}: {
  task: Pick<Task, 'progress' | 'light'> & { expected?: number };
  width?: number;
}) {
  const color = task.light ? LIGHT_COLORS[task.light] : undefined;
  const bar = (
    <Progress percent={task.progress} size="small" strokeColor={color} style={{ width, margin: 0 }} />
  );
  if (task.expected === undefined) return bar;
  return <Tooltip title={`序时进度 ${Math.round(task.expected)}%`}>{bar}</Tooltip>;
}

/** The deadline in the plan's zone, with how many days are left (or how many days it is late). */
export function Deadline({
  task,
  tz,
}: {
  task: Pick<Task, 'dueAt' | 'status'> & { originalDueAt?: string };
  tz: string;
}) {
  const open = task.status !== 'completed' && task.status !== 'cancelled';
  const days = daysLeft(task.dueAt, tz);
  const extended = task.originalDueAt && task.originalDueAt !== task.dueAt;
  return (
    <Space size={4} wrap>
      <span>{formatTime(task.dueAt, tz)}</span>
      {open && days < 0 && <Tag color="red">逾期 {-days} 天</Tag>}
      {open && days === 0 && <Tag color="orange">今日到期</Tag>}
      {open && days > 0 && days <= 7 && <Tag color="gold">剩 {days} 天</Tag>}
      {extended && (
        <Tooltip title={`原定截止：${formatTime(task.originalDueAt, tz)}`}>
          <Tag>已延期</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
