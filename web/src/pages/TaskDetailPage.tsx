import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Popconfirm,
  Result,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, errorText } from '../api/client';
import type { Extension, Indicator, ProgressReport, Reminder, Task, TaskDetail } from '../api/types';
import { Deadline, LightDot, StatusTag, TaskProgress } from '../components/bits';
import { ExtensionModal } from '../components/ExtensionModal';
import { ReasonModal } from '../components/ReasonModal';
import { TaskFormModal } from '../components/TaskFormModal';
import {
  EXTENSION_LABELS,
  eventLabel,
  NOTICE_LABELS,
  REMINDER_STATUS_LABELS,
  REVIEW_LABELS,
} from '../lib/labels';
import { isDepartment, isOffice, useSession } from '../lib/session';
import { formatTime } from '../lib/time';
import { usePaged } from '../lib/usePaged';

type Dialog = null | 'return' | 'cancel' | 'urge' | 'extension' | 'edit';

const EXTENDABLE = ['assigned', 'accepted', 'in_progress', 'returned'];
const REPORTABLE = ['accepted', 'in_progress', 'returned'];

export function TaskDetailPage() {
  const { id = '' } = useParams();
  const { user, zoneOf, departmentName } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [task, setTask] = useState<TaskDetail | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [extensions, setExtensions] = useState<Extension[]>([]);
  const [reminders, setReminders] = useState<Reminder[] | null>(null);
  const [indicators, setIndicators] = useState<Indicator[]>([]);
  const reports = usePaged<ProgressReport>(`/tasks/${id}/progress-reports`, {}, 10);

  const load = useCallback(async () => {
    try {
      const [detail, ext] = await Promise.all([
        api.get<TaskDetail>(`/tasks/${id}`),
        api.get<Extension[]>(`/tasks/${id}/extensions`),
      ]);
      setTask(detail);
      setExtensions(ext);
      if (detail.targetId)
        setIndicators(await api.get<Indicator[]>(`/targets/${detail.targetId}/indicators`));
      setMissing(null);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setMissing(errorText(error));
      else void message.error(errorText(error));
    }
  }, [id, message]);

  const loadReminders = useCallback(async () => {
    try {
      setReminders(await api.get<Reminder[]>(`/tasks/${id}/reminders`));
    } catch (error) {
      void message.error(errorText(error));
    }
  }, [id, message]);

  useEffect(() => {
    void load();
    void loadReminders();
  }, [load, loadReminders]);

  const reloadAll = () => {
    void load();
    void loadReminders();
    void reports.reload();
  };

  /** One life-cycle step; the answer is the task as it now is. */
  const step = async (action: string, label: string, body: Record<string, unknown> = {}) => {
    if (!task) return;
    setBusy(true);
    try {
      await api.post<Task>(`/tasks/${task.id}/${action}`, { version: task.version, ...body });
      void message.success(`${label}成功`);
      setDialog(null);
      reloadAll();
    } catch (error) {
      void message.error(errorText(error));
      throw error;
    } finally {
      setBusy(false);
    }
  };

  if (missing)
    return (
      <Result
        status="404"
        title="任务不存在或无权查看"
        subTitle={missing}
        extra={<Button onClick={() => void navigate(-1)}>返回</Button>}
      />
    );
  if (!task || !user) return <Spin style={{ display: 'block', margin: 60 }} />;
  const timeZone = zoneOf(task.planId);

  const office = isOffice(user.role);
  const open = task.status !== 'completed' && task.status !== 'cancelled';
  const leadManager = user.role === 'dept_manager' && user.departmentId === task.leadDepartmentId;
  const participant =
    isDepartment(user.role) &&
    user.departmentId !== null &&
    (user.departmentId === task.leadDepartmentId || task.coDepartmentIds.includes(user.departmentId));
  const pendingExtension = extensions.find((e) => e.status === 'pending');
  const beforeDue = new Date(task.dueAt).getTime() > Date.now();

  const actions = (
    <Space wrap>
      {office && task.status === 'draft' && (
        <Button
          type="primary"
          loading={busy}
          onClick={() => void step('assign', '交办').catch(() => undefined)}
        >
          交办
        </Button>
      )}
      {office && task.status === 'submitted' && (
        <>
          <Popconfirm
            title="确认办结此任务？"
            okText="办结"
            cancelText="取消"
            onConfirm={() => step('complete', '办结').catch(() => undefined)}
          >
            <Button type="primary" loading={busy}>
              办结
            </Button>
          </Popconfirm>
          <Button danger onClick={() => setDialog('return')}>
            退回
          </Button>
        </>
      )}
      {office && open && task.status !== 'draft' && <Button onClick={() => setDialog('urge')}>催办</Button>}
      {office && open && <Button onClick={() => setDialog('edit')}>编辑</Button>}
      {office && open && (
        <Button danger type="text" onClick={() => setDialog('cancel')}>
          撤销
        </Button>
      )}
      {leadManager && task.status === 'assigned' && (
        <Button
          type="primary"
          loading={busy}
          onClick={() => void step('accept', '签收').catch(() => undefined)}
        >
          签收
        </Button>
      )}
      {participant && REPORTABLE.includes(task.status) && (
        <Button type="primary" onClick={() => void navigate(`/tasks/${task.id}/report`)}>
          填报进展
        </Button>
      )}
      {leadManager && task.status === 'in_progress' && (
        <Popconfirm
          title="报请办结"
          description="确认本任务已完成，提交领导小组办公室审核？"
          okText="提交"
          cancelText="取消"
          onConfirm={() => step('submit', '报请办结').catch(() => undefined)}
        >
          <Button loading={busy}>报请办结</Button>
        </Popconfirm>
      )}
      {leadManager && EXTENDABLE.includes(task.status) && beforeDue && !pendingExtension && (
        <Button onClick={() => setDialog('extension')}>申请延期</Button>
      )}
      <Button icon={<ReloadOutlined />} onClick={reloadAll}>
        刷新
      </Button>
    </Space>
  );

  const lastReturn = [...task.events].reverse().find((e) => e.toStatus === 'returned');

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Space wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => void navigate(-1)}
              aria-label="返回"
            />
            <Typography.Text type="secondary">{task.code}</Typography.Text>
            <span data-testid="task-title">{task.title}</span>
          </Space>
        }
      >
        <div style={{ marginBottom: 16 }}>{actions}</div>
        {task.status === 'returned' && lastReturn?.reason && (
          <Typography.Paragraph type="danger" data-testid="return-reason">
            退回原因：{lastReturn.reason}
          </Typography.Paragraph>
        )}
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
          styles={{ label: { whiteSpace: 'nowrap' } }}
        >
          <Descriptions.Item label="状态">
            <StatusTag status={task.status} />
          </Descriptions.Item>
          <Descriptions.Item label="红黄绿灯">
            <LightDot light={task.light} />
          </Descriptions.Item>
          <Descriptions.Item label="进度">
            <TaskProgress task={task} />
            <Typography.Text type="secondary"> 序时 {Math.round(task.expected)}%</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="牵头单位">{departmentName(task.leadDepartmentId)}</Descriptions.Item>
          <Descriptions.Item label="配合单位">
            {task.coDepartmentIds.length
              ? task.coDepartmentIds.map((d) => <Tag key={d}>{departmentName(d)}</Tag>)
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="退回次数">{task.returnCount}</Descriptions.Item>
          <Descriptions.Item label="开始时间">{formatTime(task.startAt, timeZone)}</Descriptions.Item>
          <Descriptions.Item label="截止时间">
            <Deadline task={task} tz={timeZone} />
          </Descriptions.Item>
          <Descriptions.Item label="原定截止">{formatTime(task.originalDueAt, timeZone)}</Descriptions.Item>
          <Descriptions.Item label="工作要求" span={3}>
            {task.description ?? '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card>
        <Tabs
          items={[
            {
              key: 'events',
              label: '办理记录',
              children: (
                <Timeline
                  items={[...task.events].reverse().map((e) => ({
                    color: e.toStatus === 'returned' ? 'red' : e.toStatus === 'completed' ? 'green' : 'blue',
                    children: (
                      <div>
                        <Typography.Text strong>{eventLabel(e.type, e.toStatus)}</Typography.Text>{' '}
                        <Typography.Text type="secondary">{formatTime(e.at, timeZone)}</Typography.Text>
                        {e.reason && <div>{e.reason}</div>}
                      </div>
                    ),
                  }))}
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
                  scroll={{ x: 700 }}
                  columns={[
                    {
                      title: '报送时间',
                      dataIndex: 'createdAt',
                      width: 150,
                      render: (v: string) => formatTime(v, timeZone),
                    },
                    {
                      title: '单位',
                      dataIndex: 'departmentId',
                      width: 120,
                      render: (v: string) => departmentName(v),
                    },
                    { title: '进度', dataIndex: 'percent', width: 70, render: (v: number) => `${v}%` },
                    {
                      title: '进展情况',
                      key: 'summary',
                      render: (_, r) => (
                        <>
                          <div style={{ whiteSpace: 'pre-wrap' }}>{r.summary}</div>
                          {r.indicatorValues.map((v) => {
                            const indicator = indicators.find((i) => i.id === v.indicatorId);
                            return (
                              <Tag key={v.indicatorId} color="blue">
                                {indicator?.name ?? '指标'}：{v.value}
                                {indicator?.unit ?? ''}
                              </Tag>
                            );
                          })}
                          {r.evidence.map((e) => (
                            <Tag key={e}>佐证：{e}</Tag>
                          ))}
                        </>
                      ),
                    },
                    {
                      title: '审核',
                      key: 'review',
                      width: 160,
                      render: (_, r) => (
                        <>
                          <Tag
                            color={
                              r.reviewStatus === 'returned'
                                ? 'red'
                                : r.reviewStatus === 'accepted'
                                  ? 'green'
                                  : 'default'
                            }
                          >
                            {REVIEW_LABELS[r.reviewStatus]}
                          </Tag>
                          {r.reviewComment}
                        </>
                      ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'extensions',
              label: `延期申请（${extensions.length}）`,
              children: extensions.length ? (
                <Table<Extension>
                  rowKey="id"
                  size="small"
                  dataSource={extensions}
                  pagination={false}
                  scroll={{ x: 700 }}
                  columns={[
                    {
                      title: '申请时间',
                      dataIndex: 'createdAt',
                      render: (v: string) => formatTime(v, timeZone),
                    },
                    {
                      title: '原截止',
                      dataIndex: 'currentDueAt',
                      render: (v: string) => formatTime(v, timeZone),
                    },
                    {
                      title: '申请截止',
                      dataIndex: 'requestedDueAt',
                      render: (v: string) => formatTime(v, timeZone),
                    },
                    { title: '理由', dataIndex: 'reason' },
                    {
                      title: '结果',
                      key: 's',
                      render: (_, e) => `${EXTENSION_LABELS[e.status]}${e.comment ? `：${e.comment}` : ''}`,
                    },
                  ]}
                />
              ) : (
                <Empty description="无延期申请" />
              ),
            },
            {
              key: 'reminders',
              label: '提醒记录',
              children: (
                <div data-testid="reminder-log">
                  <Table<Reminder>
                    rowKey="id"
                    size="small"
                    loading={reminders === null}
                    dataSource={reminders ?? []}
                    pagination={{ pageSize: 20, hideOnSinglePage: true }}
                    scroll={{ x: 700 }}
                    columns={[
                      {
                        title: '类型',
                        dataIndex: 'kind',
                        render: (k: string, r) =>
                          `${NOTICE_LABELS[k] ?? k}${r.level ? `（${r.level} 级）` : ''}`,
                      },
                      {
                        title: '计划时间',
                        dataIndex: 'dueAt',
                        render: (v: string) => formatTime(v, timeZone),
                      },
                      {
                        title: '状态',
                        dataIndex: 'status',
                        render: (s: string) => REMINDER_STATUS_LABELS[s] ?? s,
                      },
                      {
                        title: '发送时间',
                        dataIndex: 'sentAt',
                        render: (v: string | null) => formatTime(v, timeZone),
                      },
                      {
                        title: '渠道',
                        key: 'deliveries',
                        render: (_, r) =>
                          r.deliveries.length
                            ? r.deliveries.map((d, i) => (
                                <Tag
                                  key={i}
                                  color={
                                    d.status === 'sent' ? 'green' : d.status === 'failed' ? 'red' : 'default'
                                  }
                                >
                                  {d.channel} {d.status}
                                </Tag>
                              ))
                            : r.status === 'sent'
                              ? '站内通知'
                              : '—',
                      },
                      { title: '说明', dataIndex: 'message', render: (m: string | null) => m ?? '' },
                    ]}
                  />
                </div>
              ),
            },
          ]}
        />
      </Card>

      <ReasonModal
        open={dialog === 'return'}
        title={`退回任务 ${task.code}`}
        label="退回原因"
        okText="退回"
        danger
        placeholder="请写明需要补充或修改的内容"
        onCancel={() => setDialog(null)}
        onSubmit={(reason) => step('return', '退回', { reason })}
      />
      <ReasonModal
        open={dialog === 'cancel'}
        title={`撤销任务 ${task.code}`}
        label="撤销原因"
        okText="撤销"
        danger
        onCancel={() => setDialog(null)}
        onSubmit={(reason) => step('cancel', '撤销', { reason })}
      />
      <ReasonModal
        open={dialog === 'urge'}
        title={`催办 ${task.code}`}
        label="催办内容"
        okText="立即催办"
        required={false}
        placeholder="可选，如：请于本周五前报送整改进展"
        onCancel={() => setDialog(null)}
        onSubmit={async (text) => {
          try {
            await api.post(`/tasks/${task.id}/urge`, text ? { message: text } : {});
            void message.success('已催办，牵头和配合单位将收到通知');
            setDialog(null);
            void loadReminders();
          } catch (error) {
            void message.error(errorText(error));
            throw error;
          }
        }}
      />
      <ExtensionModal
        task={dialog === 'extension' ? task : null}
        tz={timeZone}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          void load();
        }}
      />
      <TaskFormModal
        open={dialog === 'edit'}
        task={task}
        tz={timeZone}
        onClose={() => setDialog(null)}
        onSaved={() => {
          setDialog(null);
          reloadAll();
        }}
      />
      {isDepartment(user.role) && (
        <Link to="/my-tasks">
          <ArrowLeftOutlined /> 返回我的任务
        </Link>
      )}
    </Space>
  );
}
