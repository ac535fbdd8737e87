import { App, Badge, Button, Card, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, errorText } from '../api/client';
import type { Notification } from '../api/types';
import { INBOX_CHANGED } from '../components/AppLayout';
import { NOTICE_LABELS } from '../lib/labels';
import { useSession } from '../lib/session';
import { formatTime } from '../lib/time';
import { usePaged } from '../lib/usePaged';

const KIND_COLORS: Record<string, string> = {
  returned: 'red',
  overdue: 'red',
  escalation: 'volcano',
  urge: 'orange',
  accept_overdue: 'orange',
  before_due: 'gold',
  monthly_report: 'blue',
  assigned: 'green',
};

/** The caller's notices, newest first; opening one marks it read. */
export function InboxPage() {
  const { timeZone } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [only, setOnly] = useState<'all' | 'unread'>('all');
  const { data, loading, pagination, reload } = usePaged<Notification>(
    '/notifications',
    { unread: only === 'unread' ? true : undefined },
    20,
  );
  const unread = typeof data.unread === 'number' ? data.unread : 0;

  const changed = () => {
    window.dispatchEvent(new Event(INBOX_CHANGED));
    void reload();
  };

  const open = async (n: Notification) => {
    try {
      if (!n.readAt) {
        await api.post(`/notifications/${n.id}/read`);
        changed();
      }
      if (n.taskId) void navigate(`/tasks/${n.taskId}`);
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const readAll = async () => {
    try {
      await api.post('/notifications/read-all');
      void message.success('已全部标为已读');
      changed();
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Card
      title={
        <Space>
          通知
          <Badge count={unread} showZero color={unread ? undefined : '#bbb'} data-testid="inbox-unread" />
        </Space>
      }
      extra={
        <Button size="small" disabled={!unread} onClick={() => void readAll()}>
          全部已读
        </Button>
      }
      styles={{ body: { padding: 12 } }}
    >
      <Segmented
        value={only}
        onChange={(v) => setOnly(v === 'unread' ? 'unread' : 'all')}
        options={[
          { value: 'all', label: '全部' },
          { value: 'unread', label: `未读（${unread}）` },
        ]}
        style={{ marginBottom: 8 }}
      />
      <List<Notification>
        loading={loading}
        dataSource={data.items}
        locale={{ emptyText: <Empty description="暂无通知" /> }}
        pagination={{ ...pagination, size: 'small' }}
        renderItem={(n) => (
          <List.Item
            key={n.id}
            data-testid="notice"
            data-kind={n.kind}
            style={{
              cursor: 'pointer',
              background: n.readAt ? undefined : '#fff7f0',
              paddingLeft: 8,
              paddingRight: 8,
            }}
            onClick={() => void open(n)}
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  {!n.readAt && <Badge status="error" />}
                  <Tag color={KIND_COLORS[n.kind]}>{NOTICE_LABELS[n.kind] ?? n.kind}</Tag>
                  <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                </Space>
              }
              description={
                <>
                  <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.75)' }}>{n.body}</div>
                  <Typography.Text type="secondary">{formatTime(n.createdAt, timeZone)}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
