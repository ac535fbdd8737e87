import { TaskView } from '../tasks/dto/task.dto';
import { rollup } from './rollup';

const task = (over: Partial<TaskView>): TaskView =>
  ({ status: 'in_progress', progress: 0, light: null, overdue: false, onTime: null, ...over }) as TaskView;

describe('rollup', () => {
  it('counts by status and light, averages progress without cancelled tasks, rates on-time completion', () => {
    const r = rollup([
      task({ status: 'in_progress', progress: 40, light: 'red', overdue: true }),
      task({ status: 'submitted', progress: 80, light: 'green' }),
      task({ status: 'completed', progress: 100, onTime: true }),
      task({ status: 'completed', progress: 100, onTime: false }),
      task({ status: 'cancelled', progress: 0 }),
    ]);
    expect(r.total).toBe(5);
    expect(r.byStatus).toMatchObject({ in_progress: 1, submitted: 1, completed: 2, cancelled: 1, draft: 0 });
    expect(r.byLight).toEqual({ red: 1, yellow: 0, green: 1 });
    expect(r.overdue).toBe(1);
    expect(r.progress).toBe(80);
    expect(r.onTimeRate).toBe(0.5);
  });

  it('has no on-time rate before anything is completed', () => {
    expect(rollup([]).onTimeRate).toBeNull();
    expect(rollup([]).progress).toBe(0);
  });
});
