import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Result,
  Row,
  Select,
  Slider,
  Space,
  Spin,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, errorText } from '../api/client';
import type { Indicator, ProgressReport, Task } from '../api/types';
import { Deadline, LightDot, StatusTag } from '../components/bits';
import { STATUS_LABELS } from '../lib/labels';
import { useSession } from '../lib/session';

interface Values {
  percent: number;
  summary: string;
  indicators?: Record<string, number | null | undefined>;
  evidence?: string[];
}

const REPORTABLE = ['accepted', 'in_progress', 'returned'];

/** 填报进展: percent, what was done, the target's figures and evidence; built for a phone as well. */
export function ReportProgressPage() {
  const { id = '' } = useParams();
  const { zoneOf } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [task, setTask] = useState<Task | null>(null);
  const [indicators, setIndicators] = useState<Indicator[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api
      .get<Task>(`/tasks/${id}`)
      .then(async (t) => {
        setTask(t);
        form.setFieldsValue({ percent: t.progress });
        if (t.targetId) setIndicators(await api.get<Indicator[]>(`/targets/${t.targetId}/indicators`));
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) setFailure(errorText(error));
        else void message.error(errorText(error));
      });
  }, [id, form, message]);

  if (failure) return <Result status="404" title="任务不存在或无权查看" subTitle={failure} />;
  if (!task) return <Spin style={{ display: 'block', margin: 60 }} />;
  if (!REPORTABLE.includes(task.status)) {
    return (
      <Result
        status="info"
        title="当前状态不能填报进展"
        subTitle={`任务「${task.title}」状态为「${STATUS_LABELS[task.status]}」：签收后、报请办结前可以填报。`}
        extra={<Button onClick={() => void navigate(`/tasks/${task.id}`)}>查看任务</Button>}
      />
    );
  }

  const save = async (values: Values) => {
    setSaving(true);
    const indicatorValues = Object.entries(values.indicators ?? {})
      .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
      .map(([indicatorId, value]) => ({ indicatorId, value }));
    try {
      await api.post<ProgressReport>(`/tasks/${task.id}/progress-reports`, {
        percent: values.percent,
        summary: values.summary.trim(),
        ...(indicatorValues.length ? { indicatorValues } : {}),
        ...(values.evidence?.length ? { evidence: values.evidence } : {}),
      });
      void message.success(`进展已报送（${values.percent}%）`);
      void navigate('/my-tasks');
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="填报进展" styles={{ body: { padding: 12 } }}>
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="任务">
          <Typography.Text strong data-testid="report-task-title">
            {task.code} {task.title}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          <Space wrap>
            <StatusTag status={task.status} />
            <LightDot light={task.light} />
            <span>当前进度 {task.progress}%</span>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="截止">
          <Deadline task={task} tz={zoneOf(task.planId)} />
        </Descriptions.Item>
      </Descriptions>
      <Form<Values> form={form} layout="vertical" name="progress-form" onFinish={(v) => void save(v)}>
        <Form.Item label="完成进度（%）" required>
          <Row gutter={12} align="middle">
            <Col flex="auto">
              <Form.Item name="percent" noStyle>
                <Slider min={0} max={100} />
              </Form.Item>
            </Col>
            <Col flex="96px">
              <Form.Item
                name="percent"
                noStyle
                rules={[
                  { required: true, message: '请填写完成进度' },
                  { type: 'integer', min: 0, max: 100, message: '进度应为 0–100 的整数' },
                ]}
              >
                <InputNumber min={0} max={100} precision={0} style={{ width: 96 }} aria-label="完成进度" />
              </Form.Item>
            </Col>
          </Row>
        </Form.Item>
        <Form.Item
          name="summary"
          label="进展情况"
          rules={[
            { required: true, whitespace: true, message: '请填写进展情况' },
            { max: 5000, message: '不超过 5000 字' },
          ]}
        >
          <Input.TextArea
            rows={5}
            placeholder="本期完成的工作、取得的成效、存在的问题和下步打算"
            showCount
            maxLength={5000}
          />
        </Form.Item>
        {indicators.length > 0 && (
          <Card
            size="small"
            title="指标数值（选填）"
            style={{ marginBottom: 16 }}
            data-testid="indicator-figures"
          >
            {indicators.map((i) => (
              <Form.Item
                key={i.id}
                name={['indicators', i.id]}
                label={`${i.name}${i.targetValue !== null ? `（目标 ${i.direction === 'gte' ? '≥' : '≤'} ${i.targetValue}${i.unit ?? ''}）` : ''}`}
                extra={i.latest ? `最近读数：${i.latest.value}${i.unit ?? ''}` : undefined}
              >
                <InputNumber style={{ width: '100%' }} suffix={i.unit || undefined} />
              </Form.Item>
            ))}
          </Card>
        )}
        <Form.Item name="evidence" label="佐证材料（选填）" extra="输入链接或文件编号后回车，可填多项">
          <Select mode="tags" open={false} placeholder="如：城司发〔2026〕12号" />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={() => void navigate(-1)}>取消</Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            报送
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
