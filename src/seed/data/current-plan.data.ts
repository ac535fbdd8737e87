/**
 * The active plan for the current year, built from the 2021 report's §八: one or more tasks for each of the six
 * next-year action items (下一步 (一)–(六)), plus tasks under the 2021 targets that §八's problems say still need
 * work. Dates are "MM-DD" in the current year; `stage` is where the seed drives each task through the real
 * life cycle, and `reports` the progress percentages filed on the way.
 *
 * Every task cites the report section it comes from in `source`.
 */
import type { SeedCurrentPlan } from './seed-types';

export const currentPlan: SeedCurrentPlan = {
  titleTemplate: '城关区{year}年法治政府建设工作要点',
  // T05: 规范性文件报送备案审查主动性不高 (§八(一)二); T06: 依法决策机制落实不到位 (§八(一)一);
  // T07: 行政执法监督有待加强 (§八(一)三); T12: 普法方式单调、联动不够 (§八(二)(三)).
  carriedTargetCodes: ['T05', 'T06', 'T07', 'T12'],
  tasks: [
    // A1 全面完善重大行政决策机制
    {
      code: 'CUR-A1-01',
      title: '编制并公布年度重大行政决策目录',
      description:
        '梳理关系全局、涉及面广、与群众利益密切相关的事项，编制年度重大行政决策目录，经区政府常务会议审议后向社会公布。',
      actionItemCode: 'A1',
      leadDepartmentCode: 'government-office',
      coDepartmentCodes: ['justice'],
      start: '01-06',
      due: '03-31',
      stage: 'completed',
      reports: [40, 80, 100],
      source: '§八 下一步(一); §三(一)',
    },
    {
      code: 'CUR-A1-02',
      title: '健全重大行政决策风险评估和跟踪反馈机制',
      description:
        '制定重大行政决策风险评估办法，建立决策执行跟踪反馈和责任追究机制，定期评估决策执行效果，发挥政府法律顾问作用。',
      actionItemCode: 'A1',
      leadDepartmentCode: 'justice',
      coDepartmentCodes: ['government-office', 'political-legal'],
      start: '02-01',
      due: '06-30',
      stage: 'in_progress',
      reports: [20, 45],
      source: '§八 下一步(一)',
    },

    // A2 完善法制队伍建设
    {
      code: 'CUR-A2-01',
      title: '充实法制机构人员力量',
      description:
        '核定并配齐法制机构人员编制，通过遴选、招录等方式积极引进法律专业人才，补齐法制审核力量短板。',
      actionItemCode: 'A2',
      leadDepartmentCode: 'justice',
      coDepartmentCodes: ['establishment-office', 'organization'],
      start: '01-15',
      due: '09-30',
      stage: 'submitted',
      reports: [30, 70, 100],
      source: '§八 下一步(二); §八(一)',
    },
    {
      code: 'CUR-A2-02',
      title: '开展法制工作人员专题培训',
      description: '依托党校举办法制审核和行政复议应诉专题培训班，覆盖各部门法制工作人员和公职律师。',
      actionItemCode: 'A2',
      leadDepartmentCode: 'justice',
      coDepartmentCodes: ['party-school'],
      start: '03-01',
      due: '11-30',
      stage: 'accepted',
      source: '§八 下一步(二)',
    },

    // A3 进一步规范行政执法行为
    {
      code: 'CUR-A3-01',
      title: '行政执法人员法律知识培训和资格考试',
      description: '组织全区行政执法人员开展法律法规知识轮训，对新增执法人员进行资格考试，严格持证上岗。',
      actionItemCode: 'A3',
      leadDepartmentCode: 'justice',
      coDepartmentCodes: ['urban-management', 'market-regulation'],
      start: '03-15',
      due: '10-31',
      stage: 'in_progress',
      reports: [30, 55, 70],
      source: '§八 下一步(三); §四(三)',
    },
    {
      code: 'CUR-A3-02',
      title: '规范执法辅助人员管理和执法作风建设',
      description:
        '制定执法辅助人员管理办法，开展执法作风专项整顿和职业道德教育，打造作风优良、素质过硬的执法队伍。',
      actionItemCode: 'A3',
      leadDepartmentCode: 'urban-management',
      coDepartmentCodes: ['justice'],
      start: '04-01',
      due: '12-15',
      stage: 'assigned',
      source: '§八 下一步(三); §四(三)',
    },

    // A4 深化行政执法体制改革
    {
      code: 'CUR-A4-01',
      title: '制定综合行政执法体制改革实施方案',
      description:
        '按城市管理、市场监管两个综合执法领域和农业环保安监文物等专业执法领域“三大块”，制定改革实施方案，明确职责划分和队伍整合。',
      actionItemCode: 'A4',
      leadDepartmentCode: 'establishment-office',
      coDepartmentCodes: ['justice', 'urban-management', 'market-regulation'],
      start: '02-15',
      due: '06-30',
      stage: 'returned',
      reports: [40, 100],
      source: '§八 下一步(四); §八(一)',
    },
    {
      code: 'CUR-A4-02',
      title: '推进城市管理领域综合执法',
      description:
        '整合城市管理领域执法事项，理顺城管与住建、自然资源部门的执法衔接，推动执法力量向街道下沉。',
      actionItemCode: 'A4',
      leadDepartmentCode: 'urban-management',
      coDepartmentCodes: ['housing', 'natural-resources', 'streets'],
      start: '03-01',
      due: '12-31',
      stage: 'in_progress',
      reports: [15, 35, 50],
      source: '§八 下一步(四)',
    },
    {
      code: 'CUR-A4-03',
      title: '整合农业、环保、安监、文物等专业领域执法',
      description:
        '梳理农业、生态环境、安全生产、文物等专业领域执法事项清单，明确各专业执法队伍职责，避免多头执法。',
      actionItemCode: 'A4',
      leadDepartmentCode: 'agriculture-rural',
      coDepartmentCodes: ['ecology-environment', 'emergency-management', 'culture-tourism'],
      start: '04-01',
      due: '11-15',
      stage: 'draft',
      source: '§八 下一步(四)',
    },

    // A5 强化法治宣传教育工作，提高法治意识
    {
      code: 'CUR-A5-01',
      title: '落实领导班子集体学法制度',
      description: '区政府常务会议和各部门党组会议会前学法常态化，并将法律法规学习纳入理论中心组学习计划。',
      actionItemCode: 'A5',
      leadDepartmentCode: 'government-office',
      coDepartmentCodes: ['organization', 'law-popularization'],
      start: '01-05',
      due: '12-25',
      stage: 'in_progress',
      reports: [25, 50, 75],
      source: '§八 下一步(五); §七(二)',
    },
    {
      code: 'CUR-A5-02',
      title: '开展互动式群众普法宣传',
      description:
        '改变说教式单向灌输，以案例讲解、有奖问答、文艺演出等互动形式进社区、进乡村开展普法，吸引居民群众参与。',
      actionItemCode: 'A5',
      leadDepartmentCode: 'law-popularization',
      coDepartmentCodes: ['publicity', 'culture-tourism', 'streets'],
      start: '02-01',
      due: '12-10',
      stage: 'assigned',
      source: '§八 下一步(五); §八(二)(三)',
    },

    // A6 全面开展法治政府建设考核
    {
      code: 'CUR-A6-01',
      title: '完成上年度法治政府建设考核',
      description: '对各部门各单位上年度法治政府建设情况进行全面考核，形成考核结果并通报。',
      actionItemCode: 'A6',
      leadDepartmentCode: 'justice',
      coDepartmentCodes: ['organization'],
      start: '01-04',
      due: '01-29',
      stage: 'completed',
      reports: [60, 100],
      source: '§八 下一步(六)',
    },
    {
      code: 'CUR-A6-02',
      title: '将法治政府建设考核纳入年度考绩',
      description:
        '修订年度绩效考核办法，把法治政府建设考核结果作为各部门各单位考绩的组成部分，并将普法联动情况列入考核内容。',
      actionItemCode: 'A6',
      leadDepartmentCode: 'organization',
      coDepartmentCodes: ['justice'],
      start: '03-01',
      due: '12-31',
      stage: 'accepted',
      source: '§八 下一步(六); §八(三)',
    },

    // T05 强化规范性文件备案审查
    {
      code: 'CUR-T05-01',
      title: '开展行政规范性文件清理',
      description: '对现行有效的区政府及部门规范性文件进行全面清理，公布继续有效、修改和废止目录。',
      targetCode: 'T05',
      leadDepartmentCode: 'justice',
      coDepartmentCodes: ['government-office'],
      start: '01-10',
      due: '02-26',
      stage: 'completed',
      reports: [50, 100],
      source: '§二(三); §八(一)',
    },
    {
      code: 'CUR-T05-02',
      title: '制定区级行政规范性文件制定和管理办法',
      description: '细化规范性文件起草、论证、审核、报送备案等环节的管理制度，督促部门主动报送备案。',
      targetCode: 'T05',
      leadDepartmentCode: 'government-office',
      coDepartmentCodes: ['justice'],
      start: '03-01',
      due: '07-31',
      stage: 'cancelled',
      source: '§二(三); §八(一)',
    },

    // T06 严格重大行政决策程序和合法性审查
    {
      code: 'CUR-T06-01',
      title: '重大行政决策和政府合同合法性审查',
      description:
        '对区委常委会、区政府常务会议议题和重大行政决策目录事项全部进行合法性审查，严格政府合同审查。',
      targetCode: 'T06',
      leadDepartmentCode: 'justice',
      coDepartmentCodes: ['government-office'],
      start: '01-01',
      due: '12-31',
      stage: 'in_progress',
      reports: [10, 30, 50],
      source: '§三(二); §八(一)',
    },
    {
      code: 'CUR-T06-02',
      title: '司法所对街道重大决策、重大项目开展合法性审查',
      description:
        '涉及街道的重大行政决策、重大项目和可能引起重大社会影响的决定一律由司法所进行合法性审查，建立审查台账。',
      targetCode: 'T06',
      leadDepartmentCode: 'justice-offices',
      coDepartmentCodes: ['streets'],
      start: '02-15',
      due: '08-31',
      stage: 'submitted',
      reports: [30, 60, 100],
      source: '§三(三); §八(一)',
    },

    // T07 严格行政执法程序、规范执法行为
    {
      code: 'CUR-T07-01',
      title: '全面落实行政执法“三项制度”',
      description:
        '督促各执法部门落实执法公示、执法全过程记录、重大执法决定法制审核制度，开展专项检查并通报。',
      targetCode: 'T07',
      leadDepartmentCode: 'justice',
      coDepartmentCodes: ['market-regulation', 'urban-management'],
      start: '03-01',
      due: '06-15',
      stage: 'completed',
      reports: [40, 80, 100],
      source: '§四(一); §八(一)',
    },
    {
      code: 'CUR-T07-02',
      title: '开展年度行政执法案卷评查',
      description: '抽查各执法部门行政处罚、行政许可案卷，评查情况按程序反馈并记入执法部门年终考核成绩。',
      targetCode: 'T07',
      leadDepartmentCode: 'justice',
      coDepartmentCodes: ['urban-management', 'market-regulation', 'natural-resources'],
      start: '05-01',
      due: '09-15',
      stage: 'returned',
      reports: [50, 100],
      source: '§四(一); §八(一)',
    },

    // T12 加强干部法治教育培训和普法宣传
    {
      code: 'CUR-T12-01',
      title: '开展“12·4”国家宪法日和宪法宣传周活动',
      description: '组织宪法宣传进机关、进社区、进寺庙，开展宪法宣誓和宪法知识竞答等互动活动。',
      targetCode: 'T12',
      leadDepartmentCode: 'law-popularization',
      coDepartmentCodes: ['publicity', 'streets'],
      start: '11-01',
      due: '12-10',
      stage: 'draft',
      source: '§七(二); §八(二)',
    },
    {
      code: 'CUR-T12-02',
      title: '组织驻寺干部和僧尼法治学习',
      description: '通过“法制西藏”线上学习和入寺宣讲，保持驻寺干部、僧尼高参学率，开展寺庙法治宣传活动。',
      targetCode: 'T12',
      leadDepartmentCode: 'religious-affairs',
      coDepartmentCodes: ['law-popularization', 'temple-committees'],
      start: '03-01',
      due: '10-31',
      stage: 'in_progress',
      reports: [30, 55],
      source: '§一(七)',
    },
    {
      code: 'CUR-T12-03',
      title: '新录用公务员法治培训和宪法宣誓',
      description: '把宪法法律和依法行政列为新录用公务员初任培训的重要内容，培训结束组织宪法宣誓。',
      targetCode: 'T12',
      leadDepartmentCode: 'organization',
      coDepartmentCodes: ['party-school', 'justice'],
      start: '05-01',
      due: '07-31',
      stage: 'completed',
      reports: [50, 100],
      source: '§七(二)',
    },
  ],
};
