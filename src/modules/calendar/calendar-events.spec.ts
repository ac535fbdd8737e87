import { TaskView } from '../tasks/dto/task.dto';
import { calendarEvents } from './calendar-events';

const plan = { title: '2026年工作要点', timeZone: 'Asia/Shanghai', acceptWithin: 'P3D' };
const names: Record<string, string> = { lead: '区司法局', co: '区行审局' };

function task(patch: Partial<TaskView>): TaskView {
  return {
    id: 'a1b2',
    code: 'T001',
    planId: 'p',
    targetId: null,
    actionItemId: 'x',
    title: '完善制度，建立台账；定期通报',
    description: null,
    status: 'in_progress',
    leadDepartmentId: 'lead',
    coDepartmentIds: ['co'],
    startAt: new Date('2026-10-01T01:00:00Z'),
    dueAt: new Date('2026-10-31T10:00:00Z'),
    originalDueAt: new Date('2026-10-31T10:00:00Z'),
    progress: 60,
    expected: 70,
    light: 'yellow',
    overdue: false,
    onTime: null,
    version: 3,
    deadlineVersion: 1,
    returnCount: 0,
    assignedAt: new Date('2026-10-01T01:00:00Z'),
    acceptedAt: null,
    submittedAt: null,
    completedAt: null,
    source: null,
    createdAt: new Date('2026-10-01T01:00:00Z'),
    updatedAt: new Date('2026-10-01T01:00:00Z'),
    ...patch,
  };
}

describe('calendar entries of a task', () => {
  it('gives one deadline entry, ending at the deadline, versioned by the deadline', () => {
    const [due, ...rest] = calendarEvents(
      task({ deadlineVersion: 2, dueAt: new Date('2026-11-05T10:00:00Z') }),
      'co',
      plan,
      (id) => names[id],
    );
    expect(rest).toEqual([]);
    expect(due).toMatchObject({
      uid: 'a1b2-due@worktracker',
      end: new Date('2026-11-05T10:00:00Z'),
      start: new Date('2026-11-05T09:30:00Z'),
      summary: '【截止】T001 完善制度，建立台账；定期通报',
      sequence: 2,
    });
    expect(due.description?.split('\n')).toEqual([
      '计划：2026年工作要点',
      '状态：办理中',
      '本单位：配合',
      '牵头单位：区司法局',
      '配合单位：区行审局',
      '截止时间：2026-11-05 18:00（Asia/Shanghai）',
      '原定截止：2026-10-31 18:00（Asia/Shanghai）',
      '进度：60%（序时进度 70%）',
      '红黄绿灯：黄灯',
    ]);
  });

  it('adds the sign-for deadline while the task waits to be signed for', () => {
    const events = calendarEvents(task({ status: 'assigned' }), 'lead', plan, (id) => names[id]);
    expect(events.map((e) => e.uid)).toEqual(['a1b2-accept@worktracker', 'a1b2-due@worktracker']);
    expect(events[0]).toMatchObject({
      summary: '【签收】T001 完善制度，建立台账；定期通报',
      end: new Date('2026-10-04T01:00:00Z'),
    });
    expect(events[0].description).toContain('签收期限：2026-10-04 09:00（Asia/Shanghai）');
  });
});
