import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Form, Modal, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, errorText } from '../api/client';
import type { Bulletin } from '../api/types';
import { LIGHT_COLORS } from '../lib/labels';
import { isOffice, useSession } from '../lib/session';
import { dayjs, formatTime } from '../lib/time';
import { usePaged } from '../lib/usePaged';

/** 月通报: the stored monthly snapshots, their xlsx, and (for the office) a new one for a month. */
export function BulletinsPage() {
  const { plan, user, timeZone } = useSession();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ month: Dayjs }>();
  const { data, loading, pagination, reload } = usePaged<Bulletin>(plan ? '/bulletins' : null, {
    planId: plan?.id,
  });

  const download = async (b: Bulletin) => {
    try {
      const name = await api.download(`/bulletins/${b.id}/export`, `月通报-${b.month}.xlsx`, {
        format: 'xlsx',
      });
      void message.success(`已下载 ${name}`);
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const create = async ({ month }: { month: Dayjs }) => {
    if (!plan) return;
    setBusy(true);
    try {
      const b = await api.post<Bulletin>('/bulletins', { planId: plan.id, month: month.format('YYYY-MM') });
      void message.success(`已生成 ${b.month} 月通报（第 ${b.version} 版）`);
      setCreating(false);
      void reload();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const thisMonth = dayjs(dayjs().tz(timeZone).format('YYYY-MM-01'));

  return (
    <Card
      title="月通报"
      extra={
        isOffice(user?.role) && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              form.setFieldsValue({ month: thisMonth.subtract(1, 'month') });
              setCreating(true);
            }}
          >
            生成月通报
          </Button>
        )
      }
    >
      <Table<Bulletin>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data.items}
        pagination={pagination}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description="暂无月通报" /> }}
        columns={[
          { title: '月份', dataIndex: 'month', width: 90 },
          { title: '版本', dataIndex: 'version', width: 60, render: (v: number) => `第 ${v} 版` },
          {
            title: '生成时间',
            dataIndex: 'generatedAt',
            width: 150,
            render: (v: string) => formatTime(v, timeZone),
          },
          {
            title: '生成方式',
            dataIndex: 'generatedById',
            width: 90,
            render: (v: string | null) => (v ? '手动' : '自动'),
          },
          { title: '任务数', key: 'total', width: 70, render: (_, b) => b.summary.total },
          {
            title: '红 / 黄 / 绿',
            key: 'lights',
            width: 120,
            render: (_, b) => (
              <Space size={4}>
                {(['red', 'yellow', 'green'] as const).map((l) => (
                  <Typography.Text key={l} style={{ color: LIGHT_COLORS[l] }}>
                    {b.summary.byLight[l]}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          { title: '逾期', key: 'overdue', width: 60, render: (_, b) => b.summary.overdue },
          { title: '本月办结', key: 'done', width: 80, render: (_, b) => b.summary.completedInMonth },
          { title: '本月退回', key: 'ret', width: 80, render: (_, b) => b.summary.returnsInMonth },
          {
            title: '下载',
            key: 'dl',
            width: 110,
            render: (_, b) => (
              <Button size="small" icon={<DownloadOutlined />} onClick={() => void download(b)}>
                Excel
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        title="生成月通报"
        okText="生成"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void create(v)} name="bulletin-form">
          <Form.Item
            name="month"
            label="通报月份"
            extra="同一月份再次生成会产生新版本，旧版本保留。"
            rules={[
              { required: true, message: '请选择月份' },
              {
                validator: (_, v: Dayjs | undefined) =>
                  !v || !v.isAfter(thisMonth, 'month')
                    ? Promise.resolve()
                    : Promise.reject(new Error('只能生成本月或以前的月通报')),
              },
            ]}
          >
            <DatePicker picker="month" format="YYYY-MM" style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
