import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api, errorText } from '../api/client';
import type { Extension, Task } from '../api/types';
import { fromPicker, formatTime, pickerValue } from '../lib/time';

interface Props {
  task: Task | null;
  tz: string;
  onClose: () => void;
  onDone: () => void;
}

/** 延期申请: a new deadline after the current one, with a reason; the office approves or rejects it. */
export function ExtensionModal({ task, tz, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ requestedDueAt: Dayjs; reason: string }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (task) form.resetFields();
  }, [task, form]);

  const current = task ? pickerValue(task.dueAt, tz) : undefined;

  return (
    <Modal
      open={task !== null}
      title={`申请延期 · ${task?.code ?? ''}`}
      okText="提交申请"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <p>当前截止时间：{formatTime(task?.dueAt, tz)}</p>
      <Form
        form={form}
        layout="vertical"
        name="extension-form"
        onFinish={(values) => {
          if (!task) return;
          setBusy(true);
          api
            .post<Extension>(`/tasks/${task.id}/extensions`, {
              requestedDueAt: fromPicker(values.requestedDueAt, tz),
              reason: values.reason.trim(),
            })
            .then(() => {
              void message.success('延期申请已提交，等待领导小组办公室审批');
              onDone();
            })
            .catch((error: unknown) => void message.error(errorText(error)))
            .finally(() => setBusy(false));
        }}
      >
        <Form.Item
          name="requestedDueAt"
          label={`申请截止时间（${tz}）`}
          rules={[
            { required: true, message: '请选择新的截止时间' },
            {
              validator: (_, value: Dayjs | undefined) =>
                !value || !current || value.isAfter(current)
                  ? Promise.resolve()
                  : Promise.reject(new Error('新的截止时间必须晚于当前截止时间')),
            },
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="申请理由"
          rules={[
            { required: true, whitespace: true, message: '请填写申请理由' },
            { max: 2000, message: '不超过 2000 字' },
          ]}
        >
          <Input.TextArea rows={4} placeholder="如：需等待上级文件出台后再行修订" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
