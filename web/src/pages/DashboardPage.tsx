import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { api, errorText } from '../api/client';
import type { BriefTask, DashboardSummary, DepartmentRow } from '../api/types';
import { Deadline, LightDot, StatusTag } from '../components/bits';
import { LIGHT_COLORS } from '../lib/labels';
import { useSession } from '../lib/session';
import { formatTime } from '../lib/time';

const percent = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`;

/** 督查仪表盘: the plan's lights and totals, the department ranking, the overdue list, what falls due soon. */
export function DashboardPage() {
  const { plan, timeZone, departmentName } = useSession();
  const { message } = App.useApp();
  const [summary, setSummary] = useState<DashboardSummary | null>(null);
  const [ranking, setRanking] = useState<DepartmentRow[]>([]);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    if (!plan) return;
    setLoading(true);
    try {
      const [s, r] = await Promise.all([
        api.get<DashboardSummary>('/dashboard/summary', { planId: plan.id, top: 20 }),
        api.get<{ items: DepartmentRow[] }>('/dashboard/departments', { planId: plan.id }),
      ]);
      setSummary(s);
      setRanking(r.items);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setLoading(false);
    }
  }, [plan, message]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!plan) return <Empty description="暂无计划" />;
  const totals = summary?.totals;
  const done = totals?.byStatus.completed ?? 0;

  const briefColumns = [
    {
      title: '任务',
      key: 't',
      render: (_: unknown, t: BriefTask) => (
        <Space direction="vertical" size={0}>
          <Link to={`/tasks/${t.id}`}>
            {t.code} {t.title}
          </Link>
          <Typography.Text type="secondary">
            {departmentName(t.leadDepartmentId)} · <StatusTag status={t.status} />
          </Typography.Text>
        </Space>
      ),
    },
    { title: '进度', dataIndex: 'progress', width: 60, render: (v: number) => `${v}%` },
    {
      title: '截止',
      key: 'due',
      width: 150,
      render: (_: unknown, t: BriefTask) => <Deadline task={t} tz={timeZone} />,
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={`督查仪表盘 · ${plan.title}`}
        extra={
          <Space>
            {summary && (
              <Typography.Text type="secondary">统计时间 {formatTime(summary.at, timeZone)}</Typography.Text>
            )}
            <Button icon={<ReloadOutlined />} loading={loading} onClick={() => void load()}>
              刷新
            </Button>
          </Space>
        }
      >
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6} lg={3}>
            <Statistic title="任务总数" value={totals?.total ?? 0} />
          </Col>
          <Col xs={12} md={6} lg={3}>
            <Statistic title="已办结" value={done} data-testid="stat-completed" />
          </Col>
          <Col xs={12} md={6} lg={3}>
            <Statistic title="逾期" value={totals?.overdue ?? 0} valueStyle={{ color: LIGHT_COLORS.red }} />
          </Col>
          <Col xs={12} md={6} lg={3}>
            <Statistic title="按期办结率" value={percent(totals?.onTimeRate)} />
          </Col>
          {(['red', 'yellow', 'green'] as const).map((l) => (
            <Col xs={8} md={4} lg={3} key={l}>
              <Statistic
                title={<LightDot light={l} />}
                value={summary?.byLight[l] ?? 0}
                valueStyle={{ color: LIGHT_COLORS[l] }}
              />
            </Col>
          ))}
          <Col xs={24} md={12} lg={3}>
            <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 4 }}>总体进度</div>
            <Progress type="circle" size={64} percent={Math.round(totals?.progress ?? 0)} />
          </Col>
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Card title="单位考核排名" size="small">
            <div data-testid="ranking">
              <Table<DepartmentRow>
                rowKey="departmentId"
                size="small"
                loading={loading}
                dataSource={ranking}
                pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (n) => `共 ${n} 个单位` }}
                scroll={{ x: 520 }}
                onRow={(r) => ({ 'data-code': r.code }) as HTMLAttributes<HTMLElement>}
                columns={[
                  {
                    title: '名次',
                    dataIndex: 'rank',
                    width: 56,
                    render: (r: number) => (r <= 3 ? <Tag color="gold">{r}</Tag> : r),
                  },
                  { title: '单位', dataIndex: 'name' },
                  { title: '得分', dataIndex: 'score', width: 60 },
                  {
                    title: '按期率',
                    dataIndex: 'onTimeRate',
                    width: 80,
                    render: (v: number | null) => percent(v),
                  },
                  { title: '牵头', dataIndex: 'leadTasks', width: 56 },
                  { title: '办结', dataIndex: 'completed', width: 56 },
                  {
                    title: '逾期',
                    dataIndex: 'overdue',
                    width: 60,
                    render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : v),
                  },
                  { title: '退回', dataIndex: 'returns', width: 56 },
                ]}
              />
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <Card title={`逾期清单（${totals?.overdue ?? 0}）`} size="small" style={{ marginBottom: 16 }}>
            <div data-testid="overdue-list">
              <Table<BriefTask>
                rowKey="id"
                size="small"
                dataSource={summary?.overdue ?? []}
                pagination={{ pageSize: 5, hideOnSinglePage: true }}
                scroll={{ x: 420 }}
                columns={briefColumns}
                locale={{ emptyText: <Empty description="没有逾期任务" /> }}
              />
            </div>
          </Card>
          <Card title="7 日内到期" size="small" style={{ marginBottom: 16 }}>
            <Table<BriefTask>
              rowKey="id"
              size="small"
              dataSource={summary?.dueIn7Days ?? []}
              pagination={{ pageSize: 5, hideOnSinglePage: true }}
              scroll={{ x: 420 }}
              columns={[
                {
                  title: '灯',
                  key: 'l',
                  width: 70,
                  render: (_: unknown, t: BriefTask) => <LightDot light={t.light} showText={false} />,
                },
                ...briefColumns,
              ]}
              locale={{ emptyText: <Empty description="无" /> }}
            />
          </Card>
          <Card title="本月尚未报送月报的单位" size="small">
            {summary?.reportsOwed.length ? (
              <Space wrap>
                {summary.reportsOwed.map((d) => (
                  <Tag key={d.departmentId} color="orange">
                    {d.name}（{d.openTasks} 项在办）
                  </Tag>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">均已报送</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
