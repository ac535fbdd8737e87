import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Select, Space, Switch, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, errorText } from '../api/client';
import type { Light, Task, TaskStatus } from '../api/types';
import { Deadline, LightDot, StatusTag, TaskProgress } from '../components/bits';
import { LIGHT_LABELS, STATUS_LABELS } from '../lib/labels';
import { useSession } from '../lib/session';
import { usePaged } from '../lib/usePaged';

/** Every task of the plan, filtered and paged in the database; exports what is shown. */
export function TaskListPage() {
  const { plan, timeZone, departments, departmentName } = useSession();
  const { message } = App.useApp();
  const [status, setStatus] = useState<TaskStatus[]>([]);
  const [light, setLight] = useState<Light | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const filters = {
    planId: plan?.id,
    status,
    light,
    overdue: overdue ? true : undefined,
    departmentId,
    q: q.trim() || undefined,
  };
  const { data, loading, pagination } = usePaged<Task>(plan ? '/tasks' : null, filters);

  const exportAs = async (format: 'xlsx' | 'csv') => {
    try {
      const name = await api.download('/tasks/export', `任务清单.${format}`, { ...filters, format });
      void message.success(`已导出 ${name}`);
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Card
      title="任务清单"
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => void exportAs('xlsx')}>
            导出 Excel
          </Button>
          <Button onClick={() => void exportAs('csv')}>导出 CSV</Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder="按标题或编号搜索" allowClear onSearch={setQ} style={{ width: 220 }} />
        <Select
          mode="multiple"
          allowClear
          placeholder="状态"
          style={{ minWidth: 160 }}
          value={status}
          onChange={setStatus}
          options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          placeholder="红黄绿灯"
          style={{ width: 110 }}
          value={light}
          onChange={setLight}
          options={Object.entries(LIGHT_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="单位（牵头或配合）"
          style={{ width: 190 }}
          value={departmentId}
          onChange={setDepartmentId}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
        />
        <Space>
          <Switch checked={overdue} onChange={setOverdue} />
          只看逾期
        </Space>
      </Space>
      <Table<Task>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data.items}
        pagination={pagination}
        scroll={{ x: 1000 }}
        columns={[
          { title: '编号', dataIndex: 'code', width: 120 },
          {
            title: '任务',
            dataIndex: 'title',
            render: (title: string, t) => <Link to={`/tasks/${t.id}`}>{title}</Link>,
          },
          { title: '灯', dataIndex: 'light', width: 80, render: (l: Light | null) => <LightDot light={l} /> },
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            render: (s: TaskStatus) => <StatusTag status={s} />,
          },
          { title: '进度', key: 'progress', width: 160, render: (_, t) => <TaskProgress task={t} /> },
          {
            title: '牵头单位',
            dataIndex: 'leadDepartmentId',
            width: 140,
            render: (id: string) => departmentName(id),
          },
          {
            title: '截止时间',
            key: 'due',
            width: 220,
            render: (_, t) => <Deadline task={t} tz={timeZone} />,
          },
        ]}
      />
    </Card>
  );
}
