import { App, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { api, errorText } from '../api/client';
import type { Task } from '../api/types';
import { useSession } from '../lib/session';
import { dayjs, fromPicker, pickerValue } from '../lib/time';

export interface TaskParent {
  kind: 'target' | 'actionItem';
  id: string;
  label: string;
}

interface Values {
  title: string;
  description?: string;
  leadDepartmentId: string;
  coDepartmentIds?: string[];
  startAt: Dayjs;
  dueAt: Dayjs;
  assignNow?: boolean;
}

interface Props {
  open: boolean;
  /** Where a new task goes; absent when editing. */
  parent?: TaskParent;
  /** The task to edit; absent when creating. */
  task?: Task;
  /** The plan's time zone, when it is not the selected plan's. */
  tz?: string;
  onClose: () => void;
  onSaved: (task: Task) => void;
}

/** Create a task under a target or an action item (and assign it at once), or edit one. */
export function TaskFormModal({ open, parent, task, tz, onClose, onSaved }: Props) {
  const session = useSession();
  const { departments } = session;
  const timeZone = tz ?? session.timeZone;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const lead = Form.useWatch('leadDepartmentId', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (task) {
      form.setFieldsValue({
        title: task.title,
        description: task.description ?? undefined,
        leadDepartmentId: task.leadDepartmentId,
        coDepartmentIds: task.coDepartmentIds,
        startAt: pickerValue(task.startAt, timeZone),
        dueAt: pickerValue(task.dueAt, timeZone),
      });
    } else {
      const today = dayjs(dayjs().tz(timeZone).format('YYYY-MM-DD'));
      form.setFieldsValue({ startAt: today, dueAt: today.add(1, 'month').hour(18), assignNow: true });
    }
  }, [open, task, form, timeZone]);

  const options = useMemo(
    () =>
      departments
        .filter((d) => d.kind !== 'leading_group')
        .map((d) => ({ value: d.id, label: d.name }))
        .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN')),
    [departments],
  );

  const save = async (values: Values) => {
    setSaving(true);
    const body = {
      title: values.title.trim(),
      description: values.description?.trim() || undefined,
      leadDepartmentId: values.leadDepartmentId,
      coDepartmentIds: (values.coDepartmentIds ?? []).filter((id) => id !== values.leadDepartmentId),
      startAt: fromPicker(values.startAt, timeZone),
      dueAt: fromPicker(values.dueAt, timeZone),
    };
    try {
      let saved: Task;
      if (task) {
        saved = await api.patch<Task>(`/tasks/${task.id}`, { ...body, version: task.version });
        void message.success(`已保存「${saved.title}」`);
      } else {
        const where = parent?.kind === 'actionItem' ? { actionItemId: parent.id } : { targetId: parent?.id };
        saved = await api.post<Task>('/tasks', { ...where, ...body });
        if (values.assignNow) {
          saved = await api.post<Task>(`/tasks/${saved.id}/assign`, { version: saved.version });
          void message.success(`已创建并交办「${saved.title}」(${saved.code})`);
        } else {
          void message.success(`已创建草稿「${saved.title}」(${saved.code})`);
        }
      }
      onSaved(saved);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={task ? `编辑任务 ${task.code}` : `新建任务 · ${parent?.label ?? ''}`}
      okText={task ? '保存' : '创建'}
      cancelText="取消"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      width={640}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)} name="task-form">
        <Form.Item
          name="title"
          label="任务名称"
          rules={[
            { required: true, whitespace: true, message: '请填写任务名称' },
            { max: 200, message: '任务名称不超过 200 字' },
          ]}
        >
          <Input placeholder="如：完善重大行政决策跟踪反馈机制" />
        </Form.Item>
        <Form.Item name="description" label="工作要求" rules={[{ max: 5000, message: '不超过 5000 字' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="leadDepartmentId"
          label="牵头单位"
          rules={[{ required: true, message: '请选择牵头单位' }]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={options} placeholder="选择牵头单位" />
        </Form.Item>
        <Form.Item name="coDepartmentIds" label="配合单位">
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={options.filter((o) => o.value !== lead)}
            placeholder="可多选"
          />
        </Form.Item>
        <Form.Item
          name="startAt"
          label={`开始时间（${timeZone}）`}
          rules={[{ required: true, message: '请选择开始时间' }]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="dueAt"
          label={`截止时间（${timeZone}）`}
          dependencies={['startAt']}
          rules={[
            { required: true, message: '请选择截止时间' },
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | undefined) => {
                const start = getFieldValue('startAt') as Dayjs | undefined;
                if (!value || !start || value.isAfter(start)) return Promise.resolve();
                return Promise.reject(new Error('截止时间必须晚于开始时间'));
              },
            }),
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        {!task && (
          <Form.Item name="assignNow" valuePropName="checked">
            <Checkbox>创建后立即交办（通知牵头和配合单位）</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
