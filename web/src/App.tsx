import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import type { Role } from './api/types';
import { AppLayout } from './components/AppLayout';
import { homePath, useSession } from './lib/session';
import { BulletinsPage } from './pages/BulletinsPage';
import { DashboardPage } from './pages/DashboardPage';
import { InboxPage } from './pages/InboxPage';
import { LoginPage } from './pages/LoginPage';
import { MyTasksPage } from './pages/MyTasksPage';
import { PlanTreePage } from './pages/PlanTreePage';
import { ReportProgressPage } from './pages/ReportProgressPage';
import { ReviewPage } from './pages/ReviewPage';
import { TaskDetailPage } from './pages/TaskDetailPage';
import { TaskListPage } from './pages/TaskListPage';

const SUPERVISORS: Role[] = ['office', 'leader', 'observer', 'admin'];
const DEPARTMENTS: Role[] = ['dept_manager', 'dept_staff'];

function Only({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user } = useSession();
  if (!user) return null;
  if (!roles.includes(user.role))
    return <Result status="403" title="无权访问" subTitle="当前账号的角色不能打开此页面。" />;
  return <>{children}</>;
}

export function App() {
  const { user, loading } = useSession();
  const location = useLocation();

  if (loading) {
    return (
      <div style={{ padding: 80, textAlign: 'center' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (!user) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          path="*"
          element={<Navigate to="/login" replace state={{ from: location.pathname + location.search }} />}
        />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route path="/login" element={<Navigate to={homePath(user.role)} replace />} />
      <Route element={<AppLayout />}>
        <Route path="/" element={<Navigate to={homePath(user.role)} replace />} />
        <Route
          path="/dashboard"
          element={
            <Only roles={SUPERVISORS}>
              <DashboardPage />
            </Only>
          }
        />
        <Route
          path="/tree"
          element={
            <Only roles={SUPERVISORS}>
              <PlanTreePage />
            </Only>
          }
        />
        <Route
          path="/tasks"
          element={
            <Only roles={SUPERVISORS}>
              <TaskListPage />
            </Only>
          }
        />
        <Route
          path="/review"
          element={
            <Only roles={['office']}>
              <ReviewPage />
            </Only>
          }
        />
        <Route
          path="/bulletins"
          element={
            <Only roles={SUPERVISORS}>
              <BulletinsPage />
            </Only>
          }
        />
        <Route
          path="/my-tasks"
          element={
            <Only roles={DEPARTMENTS}>
              <MyTasksPage />
            </Only>
          }
        />
        <Route path="/tasks/:id" element={<TaskDetailPage />} />
        <Route
          path="/tasks/:id/report"
          element={
            <Only roles={DEPARTMENTS}>
              <ReportProgressPage />
            </Only>
          }
        />
        <Route path="/inbox" element={<InboxPage />} />
        <Route path="*" element={<Result status="404" title="页面不存在" />} />
      </Route>
    </Routes>
  );
}
