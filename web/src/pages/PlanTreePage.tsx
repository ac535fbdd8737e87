import { EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Progress, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, errorText } from '../api/client';
import type { PlanTree, Rollup, Task } from '../api/types';
import { Deadline, LightDot, StatusTag, TaskProgress } from '../components/bits';
import { RollupLights } from '../components/RollupLights';
import { TaskFormModal, type TaskParent } from '../components/TaskFormModal';
import { isOffice, useSession } from '../lib/session';

interface Row {
  key: string;
  kind: 'responsibility' | 'target' | 'actionItem' | 'task';
  code: string;
  title: string;
  rollup?: Rollup;
  task?: Task;
  children?: Row[];
}

const taskRow = (t: Task): Row => ({ key: t.id, kind: 'task', code: t.code, title: t.title, task: t });

function treeRows(tree: PlanTree): { plan: Row[]; actions: Row[] } {
  return {
    plan: tree.responsibilities.map((r) => ({
      key: r.id,
      kind: 'responsibility',
      code: r.code,
      title: r.title,
      rollup: r.rollup,
      children: r.targets.map((t) => ({
        key: t.id,
        kind: 'target',
        code: t.code,
        title: t.title,
        rollup: t.rollup,
        children: t.tasks.length ? t.tasks.map(taskRow) : undefined,
      })),
    })),
    actions: tree.actionItems.map((a) => ({
      key: a.id,
      kind: 'actionItem',
      code: a.code,
      title: a.title,
      rollup: a.rollup,
      children: a.tasks.length ? a.tasks.map(taskRow) : undefined,
    })),
  };
}

function nodeKeys(rows: Row[]): string[] {
  return rows.flatMap((r) => (r.children ? [r.key, ...nodeKeys(r.children)] : []));
}

export function PlanTreePage() {
  const { plan, user, timeZone, departmentName } = useSession();
  const { message } = App.useApp();
  const [tree, setTree] = useState<PlanTree | null>(null);
  const [loading, setLoading] = useState(false);
  const [parent, setParent] = useState<TaskParent | undefined>();
  const [editing, setEditing] = useState<Task | undefined>();
  // Every level starts open; what the user folds stays folded across reloads.
  const [folded, setFolded] = useState<Set<string>>(new Set());
  const office = isOffice(user?.role);

  const load = useCallback(async () => {
    if (!plan) return;
    setLoading(true);
    try {
      setTree(await api.get<PlanTree>(`/plans/${plan.id}/tree`));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setLoading(false);
    }
  }, [plan, message]);

  useEffect(() => {
    void load();
  }, [load]);

  const columns: ColumnsType<Row> = [
    {
      title: '事项',
      key: 'title',
      width: 300,
      render: (_, row) =>
        row.task ? (
          <Link to={`/tasks/${row.task.id}`}>
            <Typography.Text type="secondary">{row.code}</Typography.Text> {row.title}
          </Link>
        ) : (
          <Typography.Text strong={row.kind !== 'target'}>
            <Tag>{row.code}</Tag>
            {row.title}
          </Typography.Text>
        ),
    },
    {
      title: '红黄绿灯',
      key: 'light',
      width: 110,
      render: (_, row) =>
        row.task ? <LightDot light={row.task.light} /> : row.rollup && <RollupLights rollup={row.rollup} />,
    },
    {
      title: '进度',
      key: 'progress',
      width: 140,
      render: (_, row) =>
        row.task ? (
          <TaskProgress task={row.task} width={110} />
        ) : (
          row.rollup &&
          row.rollup.progress !== null && (
            <Progress
              percent={Math.round(row.rollup.progress)}
              size="small"
              style={{ width: 110, margin: 0 }}
            />
          )
        ),
    },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_, row) =>
        row.task ? <StatusTag status={row.task.status} /> : row.rollup && `${row.rollup.total} 项`,
    },
    {
      title: '牵头单位',
      key: 'lead',
      width: 110,
      render: (_, row) => row.task && departmentName(row.task.leadDepartmentId),
    },
    {
      title: '截止时间',
      key: 'due',
      width: 170,
      render: (_, row) => row.task && <Deadline task={row.task} tz={timeZone} />,
    },
  ];
  if (office) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_, row) => {
        if (row.kind === 'target' || row.kind === 'actionItem') {
          return (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() =>
                setParent({
                  kind: row.kind === 'target' ? 'target' : 'actionItem',
                  id: row.key,
                  label: `${row.code} ${row.title}`,
                })
              }
            >
              新建任务
            </Button>
          );
        }
        const task = row.task;
        if (task && task.status !== 'completed' && task.status !== 'cancelled') {
          return (
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(task)}>
              编辑
            </Button>
          );
        }
        return null;
      },
    });
  }

  const rows = tree ? treeRows(tree) : null;
  const table = (data: Row[]) => (
    <Table<Row>
      size="small"
      columns={columns}
      dataSource={data}
      pagination={false}
      expandable={{
        expandedRowKeys: nodeKeys(data).filter((k) => !folded.has(k)),
        onExpand: (open, row) =>
          setFolded((prev) => {
            const next = new Set(prev);
            if (open) next.delete(row.key);
            else next.add(row.key);
            return next;
          }),
      }}
      scroll={{ x: 1030 }}
      rowClassName={(row) => `tree-${row.kind}`}
    />
  );

  return (
    <Card
      title={tree ? `计划任务树 · ${tree.plan.title}` : '计划任务树'}
      extra={
        <Space>
          {tree && <RollupLights rollup={tree.rollup} />}
          <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
            刷新
          </Button>
        </Space>
      }
    >
      {!plan && <Empty description="暂无计划" />}
      {rows && (
        <Tabs
          items={[
            { key: 'plan', label: `工作责任 → 目标任务（${rows.plan.length}）`, children: table(rows.plan) },
            {
              key: 'actions',
              label: `下步工作安排（${rows.actions.length}）`,
              children: table(rows.actions),
            },
          ]}
        />
      )}
      <TaskFormModal
        open={parent !== undefined || editing !== undefined}
        parent={parent}
        task={editing}
        onClose={() => {
          setParent(undefined);
          setEditing(undefined);
        }}
        onSaved={() => {
          setParent(undefined);
          setEditing(undefined);
          void load();
        }}
      />
    </Card>
  );
}
