import {
  App,
  Button,
  Card,
  Empty,
  Grid,
  List,
  Popconfirm,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, errorText } from '../api/client';
import type { Light, Task, TaskStatus } from '../api/types';
import { Deadline, LightDot, StatusTag, TaskProgress } from '../components/bits';
import { useSession } from '../lib/session';
import { usePaged } from '../lib/usePaged';

const VIEWS: Record<string, { label: string; status: TaskStatus[] }> = {
  todo: { label: '待办', status: ['assigned', 'accepted', 'in_progress', 'returned'] },
  assigned: { label: '待签收', status: ['assigned'] },
  submitted: { label: '报请办结', status: ['submitted'] },
  completed: { label: '已办结', status: ['completed'] },
  all: { label: '全部', status: [] },
};

const REPORTABLE: TaskStatus[] = ['accepted', 'in_progress', 'returned'];

/** 我的任务: what the department leads or co-organizes, with lights, deadlines and the next step. */
export function MyTasksPage() {
  const { user, zoneOf, departmentName } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [view, setView] = useState('todo');
  const { data, loading, pagination, reload } = usePaged<Task>('/tasks', { status: VIEWS[view].status }, 10);

  const step = async (task: Task, action: 'accept' | 'submit', label: string) => {
    try {
      await api.post<Task>(`/tasks/${task.id}/${action}`, { version: task.version });
      void message.success(`「${task.title}」${label}成功`);
      void reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const isLead = (t: Task) => t.leadDepartmentId === user?.departmentId;
  const leadManager = (t: Task) => user?.role === 'dept_manager' && isLead(t);

  const actionsOf = (t: Task) => {
    const out = [];
    if (leadManager(t) && t.status === 'assigned') {
      out.push(
        <Button key="accept" type="primary" size="small" onClick={() => void step(t, 'accept', '签收')}>
          签收
        </Button>,
      );
    }
    if (REPORTABLE.includes(t.status)) {
      out.push(
        <Button
          key="report"
          size="small"
          type={t.status === 'assigned' ? 'default' : 'primary'}
          ghost
          onClick={() => void navigate(`/tasks/${t.id}/report`)}
        >
          填报进展
        </Button>,
      );
    }
    if (leadManager(t) && t.status === 'in_progress') {
      out.push(
        <Popconfirm
          key="submit"
          title="确认任务已完成，报请办结？"
          okText="报请办结"
          cancelText="取消"
          onConfirm={() => step(t, 'submit', '报请办结').catch(() => undefined)}
        >
          <Button size="small">报请办结</Button>
        </Popconfirm>,
      );
    }
    out.push(
      <Link key="detail" to={`/tasks/${t.id}`}>
        详情
      </Link>,
    );
    return out;
  };

  const roleTag = (t: Task) => (isLead(t) ? <Tag color="red">牵头</Tag> : <Tag>配合</Tag>);

  return (
    <Card
      title={`我的任务 · ${departmentName(user?.departmentId)}`}
      styles={{ body: { padding: phone ? 8 : undefined } }}
    >
      <Segmented
        value={view}
        onChange={(v) => setView(v)}
        options={Object.entries(VIEWS).map(([value, v]) => ({ value, label: v.label }))}
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
      />
      {phone ? (
        <List<Task>
          className="task-card-list"
          loading={loading}
          dataSource={data.items}
          locale={{ emptyText: <Empty description="暂无任务" /> }}
          pagination={{ ...pagination, size: 'small', showSizeChanger: false }}
          renderItem={(t) => (
            <Card size="small" key={t.id} data-testid="task-card" data-code={t.code}>
              <Space direction="vertical" size={6} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <LightDot light={t.light} />
                  <StatusTag status={t.status} />
                  {roleTag(t)}
                  <Typography.Text type="secondary">{t.code}</Typography.Text>
                </Space>
                <Link to={`/tasks/${t.id}`}>
                  <Typography.Text strong>{t.title}</Typography.Text>
                </Link>
                <div>
                  截止：
                  <Deadline task={t} tz={zoneOf(t.planId)} />
                </div>
                <TaskProgress task={t} width={220} />
                <Space wrap>{actionsOf(t)}</Space>
              </Space>
            </Card>
          )}
        />
      ) : (
        <Table<Task>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data.items}
          pagination={pagination}
          locale={{ emptyText: <Empty description="暂无任务" /> }}
          onRow={(t) => ({ 'data-code': t.code }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: '灯',
              dataIndex: 'light',
              width: 76,
              render: (l: Light | null) => <LightDot light={l} />,
            },
            {
              title: '任务',
              key: 'title',
              render: (_, t) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/tasks/${t.id}`}>{t.title}</Link>
                  <Typography.Text type="secondary">
                    {t.code} · 牵头：{departmentName(t.leadDepartmentId)}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '角色', key: 'role', width: 64, render: (_, t) => roleTag(t) },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: TaskStatus) => <StatusTag status={s} />,
            },
            {
              title: '进度',
              key: 'progress',
              width: 130,
              render: (_, t) => <TaskProgress task={t} width={110} />,
            },
            {
              title: '截止时间',
              key: 'due',
              width: 180,
              render: (_, t) => <Deadline task={t} tz={zoneOf(t.planId)} />,
            },
            {
              title: '操作',
              key: 'actions',
              width: 210,
              render: (_, t) => <Space wrap>{actionsOf(t)}</Space>,
            },
          ]}
        />
      )}
    </Card>
  );
}
