import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { deleteKeysWithPrefix } from '../../src/common/redis/delete-prefix';
import { loadConfig } from '../../src/config/app-config';
import { createTestApp, TestApp } from '../support/app';
import { seedDemo } from '../support/fixtures';

/**
 * The web console in a real browser, as the people who use it would go through one task:
 * the office creates and assigns it to 住建局; 住建局's manager signs for it; its staff reports 60 % from a
 * phone; the manager asks for completion; the office returns it with a reason; the staff finds the return
 * in the inbox and reports again; the manager asks again; the office completes it; the dashboard shows it.
 */

const PASSWORD = 'test-password-123';
const SHOTS = join(__dirname, '..', '..', 'artifacts', 'screenshots');
const TITLE = '开展住建领域行政执法案卷自查（浏览器验收）';
const RETURN_REASON = '请补充自查发现问题的整改清单和佐证材料';
const DEPARTMENT = '住建局';
const TARGET = '强化规范性文件备案审查';

/** antd puts a space between the two characters of a two-character Chinese button label (登 录). */
const label = (text: string): RegExp => new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);

let t: TestApp;
let base: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function open(width: number, height: number): Promise<Page> {
  // Reduced motion turns antd's animations off, so that clicks never land on a popup still zooming in.
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'zh-CN',
    reducedMotion: 'reduce',
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // The app's Content-Security-Policy (script-src 'self', no external resources) must not block anything.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
      pageErrors.push(message.text());
    }
  });
  return page;
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: label('登录') }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Waits for an antd message (the feedback every action gives) containing the text. */
async function toast(page: Page, text: string | RegExp): Promise<void> {
  const notices = page.locator('.ant-message-notice');
  try {
    await notices.filter({ hasText: text }).first().waitFor({ state: 'attached', timeout: 15000 });
  } catch (error) {
    const shown = await notices.allInnerTexts();
    throw new Error(`no message "${String(text)}"; messages shown: ${JSON.stringify(shown)}`, {
      cause: error,
    });
  }
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(400); // antd fades content in
  await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled' });
}

/** Picks an option of an antd select by typing its name and taking the match with Enter. */
async function choose(page: Page, scope: Locator, field: string, option: string): Promise<void> {
  const input = scope.getByRole('combobox', { name: field });
  const item = scope
    .locator('.ant-form-item', { hasText: field })
    .locator(
      `.ant-select-content-has-value[title="${option}"], .ant-select-selection-item[title="${option}"]`,
    );
  for (let attempt = 0; attempt < 3 && (await item.count()) === 0; attempt++) {
    await input.click();
    await input.fill(option);
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).waitFor();
    await input.press('Enter');
  }
  await item.waitFor();
}

/** The table row (desktop) holding the task. */
const row = (page: Page): Locator => page.locator('tr', { hasText: TITLE });
/** The card (phone width) holding the task. */
const card = (page: Page): Locator => page.getByTestId('task-card').filter({ hasText: TITLE });

async function statistic(page: Page, title: string): Promise<number> {
  const value = page
    .locator('.ant-statistic')
    .filter({ hasText: title })
    .locator('.ant-statistic-content-value');
  await value.waitFor();
  return Number((await value.innerText()).replace(/[^\d.-]/g, ''));
}

interface RankingRow {
  score: number;
  completed: number;
  returns: number;
}

/** The department's row in the ranking (得分, 办结, 退回), paging through the table until it shows. */
async function rankingRow(page: Page, name: string): Promise<RankingRow> {
  const ranking = page.getByTestId('ranking');
  await ranking.locator('tr.ant-table-row').first().waitFor();
  for (let i = 0; i < 10; i++) {
    const found = ranking
      .locator('tr.ant-table-row')
      .filter({ has: page.getByRole('cell', { name, exact: true }) });
    if ((await found.count()) > 0) {
      const cells = (await found.locator('td').allInnerTexts()).map((text) => text.trim());
      return { score: Number(cells[2]), completed: Number(cells[5]), returns: Number(cells[7]) };
    }
    await ranking.locator('.ant-pagination-next').click();
  }
  throw new Error(`${name} not in the ranking`);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // Access tokens live 10 s here, so the scenario (half a minute, sessions kept open) only passes when the
  // console renews them with its refresh token without the user noticing.
  t = await createTestApp({ worker: true, env: { JWT_EXPIRES_IN: '10s' } });
  await seedDemo(t);
  await t.app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${((t.app.getHttpServer() as Server).address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterEach(async () => {
  // Whatever each open page showed when the test ended: the first thing to look at after a failure.
  let n = 0;
  for (const context of contexts) {
    for (const page of context.pages()) {
      await page.screenshot({ path: join(SHOTS, `last-${++n}.png`) }).catch(() => undefined);
    }
  }
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await t?.close();
  await dropQueueKeys();
});

/** The run's Bull keys (its own QUEUE_PREFIX) go with it; the database is dropped by the global teardown. */
async function dropQueueKeys(): Promise<void> {
  const { redisUrl, queuePrefix } = loadConfig();
  await deleteKeysWithPrefix(redisUrl, queuePrefix);
}

test('a task goes from the office to a department and back, through the console', async () => {
  // The office signs in (a wrong password first: the API's message is shown) and looks at the plan.
  const office = await open(1280, 800);
  await office.goto(`${base}/`);
  await office.waitForURL(/\/login$/);
  await shot(office, 'login');
  await office.getByLabel('用户名').fill('office');
  await office.getByLabel('密码').fill('wrong-password');
  await office.getByRole('button', { name: label('登录') }).click();
  await office.getByTestId('login-error').filter({ hasText: '用户名或密码错误' }).waitFor();
  await signIn(office, 'office');
  expect(new URL(office.url()).pathname).toBe('/dashboard');
  // The ranking and the figures arrive together: read the figures once the ranking shows.
  const before = await rankingRow(office, DEPARTMENT);
  const completedBefore = await statistic(office, '已办结');

  await office.goto(`${base}/tree`);
  await office.getByRole('button', { name: '新建任务' }).first().waitFor();
  await shot(office, 'office-tree');

  // Create and assign, with the form checked before anything is sent.
  // Under 目标任务 T05, whose indicators the department reports figures for.
  await office.locator('tr', { hasText: TARGET }).getByRole('button', { name: '新建任务' }).click();
  const form = office.locator('.ant-modal').filter({ hasText: '新建任务' });
  await form.getByRole('button', { name: label('创建') }).click();
  await form.getByText('请填写任务名称').waitFor();
  await form.getByText('请选择牵头单位').waitFor();
  await form.getByLabel('任务名称').fill(TITLE);
  await form.getByLabel('工作要求').fill('对本年度办结的行政执法案卷开展自查，形成问题清单。');
  await choose(office, form, '牵头单位', DEPARTMENT);
  await choose(office, form, '配合单位', '区司法局');
  await form.getByLabel('任务名称').click(); // closes the multiple select's dropdown
  await form.getByRole('button', { name: label('创建') }).click();
  await toast(office, '已创建并交办');
  await row(office).getByText('已交办').waitFor();

  // The department's manager signs for it in 我的任务 (desktop).
  const manager = await open(1280, 800);
  await signIn(manager, 'housing-manager');
  expect(new URL(manager.url()).pathname).toBe('/my-tasks');
  await row(manager).getByText('已交办').waitFor();
  await shot(manager, 'my-tasks-desktop');
  await row(manager)
    .getByRole('button', { name: label('签收') })
    .click();
  await toast(manager, '签收成功');
  await row(manager).getByText('已签收').waitFor();

  // Its staff reports 60 % from a phone.
  const staff = await open(390, 844);
  await signIn(staff, 'housing-staff');
  await card(staff).waitFor();
  await shot(staff, 'my-tasks-phone');
  await card(staff).getByRole('button', { name: '填报进展' }).click();
  await staff.getByTestId('report-task-title').filter({ hasText: TITLE }).waitFor();
  await staff.getByRole('button', { name: label('报送') }).click();
  await staff.getByText('请填写进展情况').waitFor();
  await staff.getByRole('spinbutton', { name: '完成进度' }).fill('60');
  await staff.getByLabel('进展情况').fill('已完成 60% 的案卷自查，发现问题 3 个，正在整改。');
  await staff.getByTestId('indicator-figures').getByRole('spinbutton').first().fill('12');
  await shot(staff, 'report-progress-phone');
  await staff.getByRole('button', { name: label('报送') }).click();
  await toast(staff, '进展已报送（60%）');
  await card(staff).getByText('60%').waitFor();
  await card(staff).getByText('办理中').waitFor();

  // The manager asks for completion.
  await manager.reload();
  await row(manager).getByText('办理中').waitFor();
  await row(manager).getByRole('button', { name: '报请办结' }).click();
  await manager.locator('.ant-popconfirm').getByRole('button', { name: '报请办结' }).click();
  await toast(manager, '报请办结成功');

  // The office returns it from the review queue, with a reason (required).
  await office.goto(`${base}/review`);
  await row(office).waitFor();
  await shot(office, 'review-queue');
  await row(office)
    .getByRole('button', { name: label('退回') })
    .click();
  const dialog = office.locator('.ant-modal').filter({ hasText: '退回报请办结' });
  await dialog.getByRole('button', { name: label('退回') }).click();
  await dialog.getByText('请填写退回原因').waitFor();
  await dialog.getByLabel('退回原因').fill(RETURN_REASON);
  await dialog.getByRole('button', { name: label('退回') }).click();
  await toast(office, '已退回');
  await row(office).waitFor({ state: 'detached' });

  // The staff finds the return in the inbox (delivered by the worker), opens it, reads the reason.
  await staff.goto(`${base}/inbox`);
  const notice = staff
    .getByTestId('notice')
    .filter({ hasText: TITLE })
    .and(staff.locator('[data-kind="returned"]'));
  for (let i = 0; i < 30 && (await notice.count()) === 0; i++) {
    await staff.waitForTimeout(500);
    await staff.reload();
    await staff.getByTestId('inbox-unread').waitFor();
  }
  await notice.waitFor();
  expect(Number(await staff.getByTestId('inbox-unread').innerText())).toBeGreaterThan(0);
  await shot(staff, 'inbox-phone');
  await notice.click();
  await staff.getByTestId('return-reason').filter({ hasText: RETURN_REASON }).waitFor();

  // …and reports again from the task page.
  await staff.getByRole('button', { name: '填报进展' }).click();
  await staff.getByText(/最近读数：12/).waitFor(); // the figure of the first report
  await staff.getByRole('spinbutton', { name: '完成进度' }).fill('100');
  await staff.getByLabel('进展情况').fill('已补充整改清单 3 项及佐证材料，自查全部完成。');
  await staff.getByRole('button', { name: label('报送') }).click();
  await toast(staff, '进展已报送（100%）');

  // The manager asks for completion again, from the task's page this time.
  await manager.reload();
  await row(manager).getByRole('link', { name: TITLE }).click();
  await manager.getByTestId('task-title').filter({ hasText: TITLE }).waitFor();
  await manager.getByRole('button', { name: '报请办结' }).click();
  await manager
    .locator('.ant-popconfirm')
    .getByRole('button', { name: label('提交') })
    .click();
  await toast(manager, '报请办结成功');
  await manager.locator('[data-status="submitted"]').waitFor();

  // The office completes it.
  await office.reload();
  await row(office)
    .getByRole('button', { name: label('办结') })
    .click();
  await office
    .locator('.ant-popconfirm')
    .getByRole('button', { name: label('办结') })
    .click();
  await toast(office, '已办结');

  // The dashboard shows the change: one more completed task in the plan; for the department one more
  // completed and one more return, and a lower score (a return costs 2, completing on time as lead earns 1;
  // a monthly report filed after the report day may cost another 0.5, depending on the date).
  await office.goto(`${base}/dashboard`);
  const after = await rankingRow(office, DEPARTMENT);
  expect(after.completed).toBe(before.completed + 1);
  expect(after.returns).toBe(before.returns + 1);
  expect(after.score).toBeLessThanOrEqual(before.score - 1);
  expect(after.score).toBeGreaterThanOrEqual(before.score - 1.5);
  expect(await statistic(office, '已办结')).toBe(completedBefore + 1);
  await office.goto(`${base}/dashboard`);
  await shot(office, 'dashboard');

  // The task's reminder log lists the return notice as sent.
  await office.goto(`${base}/tasks`);
  await office.getByPlaceholder('按标题或编号搜索').fill('浏览器验收');
  await office.getByPlaceholder('按标题或编号搜索').press('Enter');
  await row(office).getByRole('link', { name: TITLE }).click();
  await office.getByRole('tab', { name: /进展报告/ }).click();
  await office.getByText('审查备案政府部门规范性文件：12件').waitFor();
  await office.getByRole('tab', { name: '提醒记录' }).click();
  await office
    .getByTestId('reminder-log')
    .locator('tr', { hasText: '退回通知' })
    .filter({ hasText: '已发送' })
    .waitFor();

  // A leader reads the same dashboard and tree, without any write button.
  const leader = await open(1280, 800);
  await signIn(leader, 'leader');
  await leader.getByTestId('ranking').locator('tr.ant-table-row').first().waitFor();
  await leader.goto(`${base}/tree`);
  await leader.getByRole('tab', { name: /工作责任/ }).waitFor();
  expect(await leader.getByRole('button', { name: '新建任务' }).count()).toBe(0);
  expect(await leader.getByRole('button', { name: /编\s*辑/ }).count()).toBe(0);

  // An access token the API no longer accepts is renewed with the refresh token: the leader stays.
  await leader.evaluate("sessionStorage.setItem('worktracker.token', 'not-a-valid-token')");
  await leader.reload();
  await leader.getByRole('tab', { name: /工作责任/ }).waitFor();
  expect(leader.url()).toMatch(/\/tree$/);
  // When the refresh token is no good either, the user is sent back to the login page.
  await leader.evaluate(
    "sessionStorage.setItem('worktracker.token', 'not-a-valid-token'); sessionStorage.setItem('worktracker.refreshToken', 'revoked-refresh-token-0000000000')",
  );
  await leader.reload();
  await leader.waitForURL(/\/login$/);

  expect(pageErrors).toEqual([]);
});
