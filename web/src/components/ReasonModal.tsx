import { Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';

interface Props {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  /** A reason is required for returns and cancellations; optional for an urge or a review comment. */
  required?: boolean;
  placeholder?: string;
  danger?: boolean;
  onCancel: () => void;
  /** Resolves when done; a rejection keeps the dialog open (the caller has shown the error). */
  onSubmit: (text: string) => Promise<void>;
}

export function ReasonModal({
  open,
  title,
  label,
  okText,
  required = true,
  placeholder,
  danger,
  onCancel,
  onSubmit,
}: Props) {
  const [form] = Form.useForm<{ text?: string }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ danger }}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="reason-form"
        onFinish={(values) => {
          setBusy(true);
          onSubmit(values.text?.trim() ?? '')
            .catch(() => undefined)
            .finally(() => setBusy(false));
        }}
      >
        <Form.Item
          name="text"
          label={label}
          rules={[
            ...(required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []),
            { max: 2000, message: '不超过 2000 字' },
          ]}
        >
          <Input.TextArea rows={4} placeholder={placeholder} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
