import { emailMessage, mailSender } from './email-message';
import { OutboundNotice } from './outbound-notice';

const notice: OutboundNotice = {
  id: '6f1c1c9e-0000-4000-8000-000000000001',
  kind: 'overdue',
  level: 0,
  title: '【逾期】T07-01 严格行政执法程序',
  body: '任务已于 2026/03/31 18:00 到期仍未办结，请尽快办理并说明情况。',
  taskId: '6f1c1c9e-0000-4000-8000-000000000002',
  taskCode: 'T07-01',
  planId: '6f1c1c9e-0000-4000-8000-000000000003',
  departmentId: null,
  dueAt: '2026-03-31T10:00:00.000Z',
  sentAt: '2026-03-31T10:00:00.000Z',
};

describe('emailMessage', () => {
  it('uses the notice title as subject and its body plus the task code as text', () => {
    const mail = emailMessage(notice);
    expect(mail.subject).toBe(notice.title);
    expect(mail.text.startsWith(`${notice.body}\n`)).toBe(true);
    expect(mail.text).toContain('任务编号：T07-01');
  });

  it('has no task code line for a notice without a task', () => {
    expect(emailMessage({ ...notice, taskId: null, taskCode: null }).text).not.toContain('任务编号');
  });
});

describe('mailSender', () => {
  it('prefers SMTP_FROM, then an address-like SMTP user, then noreply at the SMTP host', () => {
    expect(mailSender('smtp://mail.example.gov.cn', '督查督办 <notice@example.gov.cn>')).toBe(
      '督查督办 <notice@example.gov.cn>',
    );
    expect(mailSender('smtps://notice%40example.gov.cn:pw@mail.example.gov.cn:465', undefined)).toEqual({
      name: '督查督办提醒',
      address: 'notice@example.gov.cn',
    });
    expect(mailSender('smtp://relay:pw@mail.example.gov.cn:25', undefined)).toEqual({
      name: '督查督办提醒',
      address: 'noreply@mail.example.gov.cn',
    });
  });
});
