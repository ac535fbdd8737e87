import {
  AuditOutlined,
  BellOutlined,
  DashboardOutlined,
  FileExcelOutlined,
  LogoutOutlined,
  MenuOutlined,
  OrderedListOutlined,
  PartitionOutlined,
  ProfileOutlined,
} from '@ant-design/icons';
import { Badge, Button, Drawer, Grid, Layout, Menu, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import type { Role } from '../api/types';
import { ROLE_LABELS } from '../lib/labels';
import { isDepartment, useSession } from '../lib/session';

export const INBOX_CHANGED = 'worktracker:inbox-changed';

interface Entry {
  key: string;
  label: ReactNode;
  icon: ReactNode;
}

function menuFor(role: Role, unread: number): Entry[] {
  const inbox: Entry = {
    key: '/inbox',
    label: (
      <span>
        通知{' '}
        <Badge
          count={unread}
          size="small"
          overflowCount={99}
          data-testid="unread-badge"
          style={{ boxShadow: 'none' }}
        />
      </span>
    ),
    icon: <BellOutlined />,
  };
  if (isDepartment(role)) {
    return [{ key: '/my-tasks', label: '我的任务', icon: <ProfileOutlined /> }, inbox];
  }
  const common: Entry[] = [
    { key: '/dashboard', label: '督查仪表盘', icon: <DashboardOutlined /> },
    { key: '/tree', label: '计划任务树', icon: <PartitionOutlined /> },
    { key: '/tasks', label: '任务清单', icon: <OrderedListOutlined /> },
  ];
  if (role === 'office') {
    common.push({ key: '/review', label: '审核队列', icon: <AuditOutlined /> });
  }
  common.push({ key: '/bulletins', label: '月通报', icon: <FileExcelOutlined /> });
  return [...common, inbox];
}

export function AppLayout() {
  const { user, logout, plans, plan, setPlanId } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [unread, setUnread] = useState(0);

  const refreshUnread = useCallback(() => {
    api
      .get<{ unread: number }>('/notifications', { pageSize: 1 })
      .then((page) => setUnread(page.unread))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    refreshUnread();
    const timer = setInterval(refreshUnread, 60_000);
    window.addEventListener(INBOX_CHANGED, refreshUnread);
    return () => {
      clearInterval(timer);
      window.removeEventListener(INBOX_CHANGED, refreshUnread);
    };
  }, [refreshUnread, location.pathname]);

  if (!user) return null;
  const items = menuFor(user.role, unread);
  const selected = items.find((i) => location.pathname.startsWith(i.key))?.key ?? '';

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selected]}
      items={items.map((i) => ({ key: i.key, label: i.label, icon: i.icon }))}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(key);
      }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {narrow ? (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={220}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <div className="brand">督查督办</div>
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider width={200} theme="dark">
          <div className="brand">督查督办</div>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="app-header">
          <Space size="middle" style={{ minWidth: 0, flex: 1 }}>
            {narrow && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label="菜单"
                onClick={() => setDrawerOpen(true)}
              />
            )}
            {!isDepartment(user.role) && plans.length > 0 && (
              <Select
                aria-label="选择计划"
                value={plan?.id}
                onChange={setPlanId}
                style={{ maxWidth: narrow ? 200 : 360, minWidth: 160 }}
                options={plans.map((p) => ({ value: p.id, label: p.title }))}
              />
            )}
            {isDepartment(user.role) && (
              <Typography.Text strong>{narrow ? '督查督办' : '督查督办工作平台'}</Typography.Text>
            )}
          </Space>
          <Space size="small">
            {!narrow && (
              <Typography.Text type="secondary" data-testid="current-user">
                {user.displayName ?? user.username} · {ROLE_LABELS[user.role]}
              </Typography.Text>
            )}
            <Button
              icon={<LogoutOutlined />}
              onClick={() => {
                logout();
                void navigate('/login');
              }}
            >
              {narrow ? '' : '退出'}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
