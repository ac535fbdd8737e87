import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Space, Table, Tabs, Typography } from 'antd';
import { useCallback, useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { api, errorText } from '../api/client';
import type { Extension, Page, ProgressReport, Task } from '../api/types';
import { Deadline, TaskProgress } from '../components/bits';
import { ReasonModal } from '../components/ReasonModal';
import { useSession } from '../lib/session';
import { formatTime } from '../lib/time';
import { usePaged } from '../lib/usePaged';
import { useTasksById } from '../lib/useTasksById';

type Pending =
  | { kind: 'task-return'; task: Task }
  | { kind: 'report-return'; report: ProgressReport }
  | { kind: 'extension-reject'; extension: Extension };

/** Pending extension requests of the plan (oldest first), each with its task. */
async function findPendingExtensions(planId: string): Promise<{ task: Task; extension: Extension }[]> {
  const extensions: Extension[] = [];
  for (let page = 1; ; page++) {
    const p = await api.get<Page<Extension>>('/extensions', {
      planId,
      status: 'pending',
      page,
      pageSize: 200,
    });
    extensions.push(...p.items);
    if (page * 200 >= p.total) break;
  }
  const ids = [...new Set(extensions.map((e) => e.taskId))];
  const tasks = new Map<string, Task>();
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      tasks.set(id, await api.get<Task>(`/tasks/${id}`));
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return extensions.flatMap((extension) => {
    const task = tasks.get(extension.taskId);
    return task ? [{ task, extension }] : [];
  });
}

/** 审核队列: completion requests, progress reports and extension requests waiting for the office. */
export function ReviewPage() {
  const { plan, timeZone, departmentName } = useSession();
  const { message } = App.useApp();
  const [pending, setPending] = useState<Pending | null>(null);
  const [extensions, setExtensions] = useState<{ task: Task; extension: Extension }[] | null>(null);
  const [scanning, setScanning] = useState(false);
  const submitted = usePaged<Task>(plan ? '/tasks' : null, { planId: plan?.id, status: ['submitted'] });
  const reports = usePaged<ProgressReport>(plan ? '/progress-reports' : null, {
    planId: plan?.id,
    reviewStatus: 'pending',
  });
  const reportTasks = useTasksById(reports.data.items.map((r) => r.taskId));

  const scanExtensions = useCallback(async () => {
    if (!plan) return;
    setScanning(true);
    try {
      setExtensions(await findPendingExtensions(plan.id));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setScanning(false);
    }
  }, [plan, message]);

  const run = async (what: Promise<unknown>, done: string, after: () => void) => {
    try {
      await what;
      void message.success(done);
      setPending(null);
      after();
    } catch (error) {
      void message.error(errorText(error));
      throw error;
    }
  };

  const complete = (t: Task) =>
    run(
      api.post(`/tasks/${t.id}/complete`, { version: t.version }),
      `「${t.title}」已办结`,
      () => void submitted.reload(),
    );
  const acceptReport = (r: ProgressReport) =>
    run(
      api.post(`/progress-reports/${r.id}/review`, { decision: 'accept' }),
      '进展报告已采纳',
      () => void reports.reload(),
    );
  const approve = (e: Extension) =>
    run(
      api.post(`/extensions/${e.id}/decide`, { decision: 'approve' }),
      '已批准延期，截止时间已更新',
      () => void scanExtensions(),
    );

  const taskLink = (t: Pick<Task, 'id' | 'code' | 'title'> | undefined, fallbackId: string) =>
    t ? (
      <Link to={`/tasks/${t.id}`}>
        <Typography.Text type="secondary">{t.code}</Typography.Text> {t.title}
      </Link>
    ) : (
      <Link to={`/tasks/${fallbackId}`}>查看任务</Link>
    );

  return (
    <Card title="审核队列">
      <Tabs
        onChange={(key) => {
          if (key === 'extensions' && extensions === null) void scanExtensions();
        }}
        items={[
          {
            key: 'submitted',
            label: `报请办结（${submitted.data.total}）`,
            children: (
              <Table<Task>
                rowKey="id"
                size="small"
                loading={submitted.loading}
                dataSource={submitted.data.items}
                pagination={submitted.pagination}
                scroll={{ x: 900 }}
                locale={{ emptyText: <Empty description="没有待办结的任务" /> }}
                onRow={(t) => ({ 'data-code': t.code }) as HTMLAttributes<HTMLElement>}
                columns={[
                  { title: '任务', key: 'task', width: 300, render: (_, t) => taskLink(t, t.id) },
                  {
                    title: '牵头单位',
                    dataIndex: 'leadDepartmentId',
                    width: 110,
                    render: (id: string) => departmentName(id),
                  },
                  {
                    title: '进度',
                    key: 'p',
                    width: 130,
                    render: (_, t) => <TaskProgress task={t} width={110} />,
                  },
                  {
                    title: '报请时间',
                    dataIndex: 'submittedAt',
                    width: 140,
                    render: (v: string) => formatTime(v, timeZone),
                  },
                  {
                    title: '截止',
                    key: 'due',
                    width: 200,
                    render: (_, t) => <Deadline task={t} tz={timeZone} />,
                  },
                  {
                    title: '审核',
                    key: 'actions',
                    width: 150,
                    render: (_, t) => (
                      <Space>
                        <Popconfirm
                          title={`确认办结「${t.title}」？`}
                          okText="办结"
                          cancelText="取消"
                          onConfirm={() => complete(t).catch(() => undefined)}
                        >
                          <Button type="primary" size="small">
                            办结
                          </Button>
                        </Popconfirm>
                        <Button
                          danger
                          size="small"
                          onClick={() => setPending({ kind: 'task-return', task: t })}
                        >
                          退回
                        </Button>
                      </Space>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'reports',
            label: `进展报告（${reports.data.total}）`,
            children: (
              <Table<ProgressReport>
                rowKey="id"
                size="small"
                loading={reports.loading}
                dataSource={reports.data.items}
                pagination={reports.pagination}
                scroll={{ x: 900 }}
                locale={{ emptyText: <Empty description="没有待审核的进展报告" /> }}
                columns={[
                  {
                    title: '任务',
                    key: 'task',
                    width: 260,
                    render: (_, r) => taskLink(reportTasks.get(r.taskId), r.taskId),
                  },
                  {
                    title: '报送单位',
                    dataIndex: 'departmentId',
                    width: 120,
                    render: (id: string) => departmentName(id),
                  },
                  { title: '进度', dataIndex: 'percent', width: 70, render: (v: number) => `${v}%` },
                  { title: '进展情况', dataIndex: 'summary' },
                  {
                    title: '报送时间',
                    dataIndex: 'createdAt',
                    width: 140,
                    render: (v: string) => formatTime(v, timeZone),
                  },
                  {
                    title: '审核',
                    key: 'actions',
                    width: 150,
                    render: (_, r) => (
                      <Space>
                        <Button
                          type="primary"
                          size="small"
                          onClick={() => void acceptReport(r).catch(() => undefined)}
                        >
                          采纳
                        </Button>
                        <Button
                          danger
                          size="small"
                          onClick={() => setPending({ kind: 'report-return', report: r })}
                        >
                          退回
                        </Button>
                      </Space>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'extensions',
            label: `延期申请${extensions ? `（${extensions.length}）` : ''}`,
            children: (
              <>
                <Space style={{ marginBottom: 8 }}>
                  <Button
                    size="small"
                    icon={<ReloadOutlined />}
                    loading={scanning}
                    onClick={() => void scanExtensions()}
                  >
                    刷新
                  </Button>
                  <Typography.Text type="secondary">在办且未逾期的任务中待审批的延期申请</Typography.Text>
                </Space>
                <Table<{ task: Task; extension: Extension }>
                  rowKey={(row) => row.extension.id}
                  size="small"
                  loading={scanning}
                  dataSource={extensions ?? []}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  scroll={{ x: 900 }}
                  locale={{ emptyText: <Empty description="没有待审批的延期申请" /> }}
                  columns={[
                    {
                      title: '任务',
                      key: 'task',
                      width: 280,
                      render: (_, row) => taskLink(row.task, row.task.id),
                    },
                    {
                      title: '牵头单位',
                      key: 'lead',
                      width: 120,
                      render: (_, row) => departmentName(row.task.leadDepartmentId),
                    },
                    {
                      title: '当前截止',
                      key: 'cur',
                      width: 140,
                      render: (_, row) => formatTime(row.extension.currentDueAt, timeZone),
                    },
                    {
                      title: '申请截止',
                      key: 'req',
                      width: 140,
                      render: (_, row) => formatTime(row.extension.requestedDueAt, timeZone),
                    },
                    { title: '理由', key: 'reason', render: (_, row) => row.extension.reason },
                    {
                      title: '审批',
                      key: 'actions',
                      width: 150,
                      render: (_, row) => (
                        <Space>
                          <Popconfirm
                            title="批准延期？"
                            okText="批准"
                            cancelText="取消"
                            onConfirm={() => approve(row.extension).catch(() => undefined)}
                          >
                            <Button type="primary" size="small">
                              批准
                            </Button>
                          </Popconfirm>
                          <Button
                            danger
                            size="small"
                            onClick={() => setPending({ kind: 'extension-reject', extension: row.extension })}
                          >
                            驳回
                          </Button>
                        </Space>
                      ),
                    },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
      <ReasonModal
        open={pending?.kind === 'task-return'}
        title="退回报请办结"
        label="退回原因"
        okText="退回"
        danger
        placeholder="请写明需要补充或修改的内容"
        onCancel={() => setPending(null)}
        onSubmit={(reason) =>
          pending?.kind === 'task-return'
            ? run(
                api.post(`/tasks/${pending.task.id}/return`, { version: pending.task.version, reason }),
                '已退回，牵头单位将收到通知',
                () => void submitted.reload(),
              )
            : Promise.resolve()
        }
      />
      <ReasonModal
        open={pending?.kind === 'report-return'}
        title="退回进展报告"
        label="退回意见"
        okText="退回"
        danger
        onCancel={() => setPending(null)}
        onSubmit={(comment) =>
          pending?.kind === 'report-return'
            ? run(
                api.post(`/progress-reports/${pending.report.id}/review`, { decision: 'return', comment }),
                '进展报告已退回',
                () => void reports.reload(),
              )
            : Promise.resolve()
        }
      />
      <ReasonModal
        open={pending?.kind === 'extension-reject'}
        title="驳回延期申请"
        label="驳回理由"
        okText="驳回"
        danger
        onCancel={() => setPending(null)}
        onSubmit={(comment) =>
          pending?.kind === 'extension-reject'
            ? run(
                api.post(`/extensions/${pending.extension.id}/decide`, { decision: 'reject', comment }),
                '已驳回延期申请',
                () => void scanExtensions(),
              )
            : Promise.resolve()
        }
      />
    </Card>
  );
}
