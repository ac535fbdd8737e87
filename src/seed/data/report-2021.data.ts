/**
 * The 2021 plan (城关区2021年法治政府建设工作要点) as told by the district's 2021 annual report on building
 * rule-of-law government (shared/source/chengguan-2021-rule-of-law-report.txt, dated 2021-12-24).
 *
 * - departments: every unit the report names, plus those it implies (`inferred: true`);
 * - responsibilities R1–R5 → targets T01–T12 (grouped as DESIGN.md says) → the report's 26 numbered measures
 *   一(一) … 七(三) as tasks, and every figure the report gives for 2021 as an indicator on its target;
 * - problems P1–P3 (§八 (一)–(三)) and next-year action items A1–A6 (§八 下一步 (一)–(六)).
 *
 * Every item cites the report section it comes from in `source` (§ = section of the report).
 */
import type { SeedDepartment, SeedPlan2021 } from './seed-types';

/*
 * Left out on purpose:
 * - 拉萨市司法局 (§四(三): its training class trained the district's enforcement officers) and 市委党校
 *   (§六(一): one of the 11 units called in for joint mediation) are city-level bodies, not district
 *   departments; no district task is assigned to them.
 * - 城关区委 / 区政府 themselves (§一(一), §三(二), §七(二)): they set the plan through the leading group and
 *   are not assignees; the units that act for them (区政府办公室, 区委组织部, 区委编办) are listed instead.
 * - 统战、机关党建 (§一(一), only as functions added to 区委工作机关) and the volunteer teams, 普法讲师团 and
 *   文艺队 of §二(一)(二): no measure needs them as a lead or co-organizer.
 */
const departments: SeedDepartment[] = [
  // 领导小组 and its office
  {
    code: 'leading-group',
    name: '法治政府建设领导小组',
    kind: 'leading_group',
    source: '§一(一); §二(二)',
  },
  {
    // The report never names the office; it is the group's standing body that writes and supervises the plan.
    code: 'office',
    name: '领导小组办公室',
    kind: 'leading_group',
    parentCode: 'leading-group',
    inferred: true,
    source: '§一(一) (implied by 领导小组); §二(二)',
  },

  // 党委机关
  { code: 'publicity', name: '区委宣传部', kind: 'party_organ', source: '§一(一) (宣传); §二(一)' },
  { code: 'political-legal', name: '区政法委', kind: 'party_organ', source: '§一(一) (政法); §二(一)' },
  {
    // §一(一) lists 组织 among the 区委工作机关; cadre selection and training (§七) are its function.
    code: 'organization',
    name: '区委组织部',
    kind: 'party_organ',
    inferred: true,
    source: '§一(一) (组织); §七(一)(二)',
  },
  {
    // Party and government institutions and the 权责清单 are the 机构编制 office's function.
    code: 'establishment-office',
    name: '区委编办',
    kind: 'party_organ',
    inferred: true,
    source: '§一(一)(二)',
  },
  {
    // §五(一) speaks of 监察机关 only generically; §五(三) describes the 纪检监察 work without naming the unit.
    code: 'discipline-inspection',
    name: '区纪委监委',
    kind: 'party_organ',
    inferred: true,
    source: '§五(一) (监察机关); §五(三)',
  },
  {
    // §七(二) says only 党校主体班次; the city-level 市委党校 of §六(一) is not meant.
    code: 'party-school',
    name: '区委党校',
    kind: 'party_organ',
    inferred: true,
    source: '§七(二)',
  },

  // 政府工作部门
  {
    code: 'government-office',
    name: '区政府办公室',
    kind: 'government',
    inferred: true,
    source: '§三(一)(二) (区政府常务会议, 重大行政决策目录); §五(一) (向人大常委会报告)',
  },
  { code: 'justice', name: '区司法局', kind: 'government', source: '§一(四); §二(一); 报告发布单位' },
  {
    code: 'law-popularization',
    name: '区普法办',
    kind: 'government',
    parentCode: 'justice',
    source: '§一(七); §七(三)',
  },
  {
    code: 'justice-offices',
    name: '司法所',
    kind: 'government',
    parentCode: 'justice',
    source: '§一(四); §三(三); §六(二)',
  },
  {
    // The report says 全区法律援助机构.
    code: 'legal-aid-center',
    name: '法律援助机构',
    kind: 'government',
    parentCode: 'justice',
    source: '§六(二)',
  },
  { code: 'approval', name: '区行审局', kind: 'government', source: '§一(四)' },
  {
    code: 'market-regulation',
    name: '区市场监管局',
    kind: 'government',
    source: '§六(一) (市场监管局); §七(三)',
  },
  { code: 'urban-management', name: '区城管局', kind: 'government', source: '§七(三)' },
  { code: 'human-resources', name: '区人社局', kind: 'government', source: '§七(三)' },
  {
    code: 'natural-resources',
    name: '区自然资源局',
    kind: 'government',
    source: '§二(二); §六(一) (自然资源局); §七(三)',
  },
  { code: 'culture-tourism', name: '区文旅局', kind: 'government', source: '§二(一); §七(三)' },
  { code: 'poverty-alleviation', name: '区扶贫办', kind: 'government', source: '§二(二)' },
  { code: 'civil-affairs', name: '民政局', kind: 'government', source: '§二(二)' },
  { code: 'religious-affairs', name: '宗教局', kind: 'government', source: '§一(七)' },
  {
    code: 'temple-committees',
    name: '寺庙管理委员会',
    kind: 'government',
    parentCode: 'religious-affairs',
    source: '§一(七) (辖区各寺庙管理委员会及专职特派员)',
  },
  { code: 'housing', name: '住建局', kind: 'government', source: '§六(一)' },
  { code: 'price-bureau', name: '物价局', kind: 'government', source: '§六(一)' },
  {
    code: 'ecology-environment',
    name: '生态环境局城关分局',
    kind: 'government',
    inferred: true,
    source: '§一(六)',
  },
  {
    // 财政资金监管、政府采购 (§五(二)) and 执法经费财政保障 (§四(二)).
    code: 'finance',
    name: '区财政局',
    kind: 'government',
    inferred: true,
    source: '§四(二); §五(二)',
  },
  { code: 'audit', name: '区审计局', kind: 'government', inferred: true, source: '§五(二) (审计全覆盖)' },
  { code: 'petitions', name: '区信访局', kind: 'government', inferred: true, source: '§六(四)' },
  {
    // 警官 in the 普法讲师团 and 警民联调.
    code: 'public-security',
    name: '公安城关分局',
    kind: 'government',
    inferred: true,
    source: '§二(二) (警官); §六(二) (警民联调)',
  },
  {
    // 农业 and 安监 are two of the 专业领域执法 the reform is to organise (文物 falls to 区文旅局).
    code: 'agriculture-rural',
    name: '区农业农村局',
    kind: 'government',
    inferred: true,
    source: '§八 下一步(四) (农业)',
  },
  {
    code: 'emergency-management',
    name: '区应急管理局',
    kind: 'government',
    inferred: true,
    source: '§八 下一步(四) (安监)',
  },

  // 司法机关
  { code: 'procuratorate', name: '区检察院', kind: 'judicial', source: '§二(二); §五(一) (检察机关)' },
  { code: 'court', name: '区人民法院', kind: 'judicial', source: '§二(二); §五(一); §六(二)' },

  // 群团组织
  { code: 'womens-federation', name: '区妇联', kind: 'mass_org', source: '§二(一)' },
  { code: 'youth-league', name: '区团委', kind: 'mass_org', source: '§二(一)' },
  { code: 'law-society', name: '法学会', kind: 'mass_org', source: '§二(一)' },

  // 监督机关
  { code: 'peoples-congress', name: '区人大常委会', kind: 'supervisory', source: '§五(一)' },
  { code: 'cppcc', name: '区政协', kind: 'supervisory', source: '§五(一)' },

  // 街道、社区 (collective units: the report speaks of 各街道 / 村(社区) as a whole)
  {
    code: 'streets',
    name: '各街道',
    kind: 'street',
    inferred: true,
    source: '§一(四); §三(三); §五(一); §六(一)',
  },
  {
    code: 'communities',
    name: '各村(社区)',
    kind: 'community',
    parentCode: 'streets',
    inferred: true,
    source: '§一(四); §六(一)(二)',
  },
  {
    // 85 个调解组织 in the 街道 and 村(居); the 司法行政 system guides them.
    code: 'mediation-committees',
    name: '人民调解委员会',
    kind: 'community',
    parentCode: 'justice',
    source: '§六(一) (街道、村(居)人民调解委员会)',
  },
];

export const plan2021: SeedPlan2021 = {
  title: '城关区2021年法治政府建设工作要点',
  year: 2021,
  departments,
  responsibilities: [
    {
      code: 'R1',
      title: '依法全面履行政府职能',
      source: '§一',
      targets: [
        {
          code: 'T01',
          title: '优化机构职能、推行权责清单',
          source: '§一(一)(二)',
          tasks: [
            {
              code: '一(一)',
              title: '优化党政机构组织结构',
              description:
                '健全党对重大工作领导的体制机制，调整组建全面依法治区等党委议事协调机构，充实区委工作机关职能配置。成立由区委书记任组长的法治政府建设领导小组，印发工作要点，明确5项工作责任、12项目标任务，一级抓一级、层层抓落实。',
              leadDepartmentCode: 'establishment-office',
              leadInferred: true,
              coDepartmentCodes: ['office'],
              source: '§一(一)',
            },
            {
              code: '一(二)',
              title: '大力推行权责清单',
              description:
                '将部门行政权力、公共服务和责任事项统一规范为权责事项，实现自治区、市、县三级权责事项“三级四同”，按清单行使权力、承担责任。完成试点功能区权责清单编制，将可有效承接和监管的权责事项全链条赋予功能区。',
              leadDepartmentCode: 'establishment-office',
              leadInferred: true,
              coDepartmentCodes: ['approval'],
              source: '§一(二)',
            },
          ],
          indicators: [
            {
              code: 'T01-responsibilities',
              name: '法治政府建设工作要点明确的工作责任',
              unit: '项',
              direction: 'gte',
              targetValue: null,
              actual: 5,
              source: '§一(一)',
            },
            {
              code: 'T01-targets',
              name: '法治政府建设工作要点明确的目标任务',
              unit: '项',
              direction: 'gte',
              targetValue: null,
              actual: 12,
              source: '§一(一)',
            },
            {
              // The report names two sessions: 第46次、第47次理论中心组学习会.
              code: 'T01-study-sessions',
              name: '理论中心组学习会传达学习习近平法治思想',
              unit: '次',
              direction: 'gte',
              targetValue: null,
              actual: 2,
              source: '§一(一)',
            },
          ],
        },
        {
          code: 'T02',
          title: '深化"放管服"改革、优化政务服务',
          source: '§一(三)(四)',
          tasks: [
            {
              code: '一(三)',
              title: '推进“放管服”改革',
              description:
                '建立联络会商、信息互通、业务协同机制，完善监管体系，建立简化高效、监管有力的审批新模式。加速推进“互联网+政务服务”，基本实现高频事项“一网、一门、一次”办理，梳理优化“最多跑一次”等五个清单，办件量在全区74个县(区)中排名第一。',
              leadDepartmentCode: 'approval',
              leadInferred: true,
              coDepartmentCodes: ['market-regulation'],
              source: '§一(三)',
            },
            {
              code: '一(四)',
              title: '向“在服务中创建”延伸',
              description:
                '依托便民服务大厅把法治政府创建延伸到政务服务窗口，街道社区政务服务大厅均设立法律宣传角。区行审局完成政务服务实施清单事项765项、梳理电子证照19483个、认领“互联网+监管”事项321项、汇聚数据2717项；区司法局依托司法所建立县乡村三级公共法律服务体系，推行“滴灌式”普法。',
              leadDepartmentCode: 'approval',
              coDepartmentCodes: ['justice', 'justice-offices', 'streets'],
              source: '§一(四)',
            },
          ],
          indicators: [
            {
              code: 'T02-service-lists',
              name: '梳理优化的政务服务清单（“最多跑一次”事项清单等五个清单）',
              unit: '个',
              direction: 'gte',
              targetValue: null,
              actual: 5,
              source: '§一(三)',
            },
            {
              code: 'T02-caseload-rank',
              name: '政务服务办件量在全区74个县(区)中的排名',
              unit: '位',
              direction: 'lte',
              targetValue: 1,
              actual: 1,
              source: '§一(三)',
            },
            {
              code: 'T02-service-items',
              name: '区行审局完成政务服务实施清单事项',
              unit: '项',
              direction: 'gte',
              targetValue: null,
              actual: 765,
              source: '§一(四)',
            },
            {
              code: 'T02-e-licences',
              name: '梳理电子证照总量',
              unit: '个',
              direction: 'gte',
              targetValue: null,
              actual: 19483,
              source: '§一(四)',
            },
            {
              code: 'T02-supervision-items',
              name: '认领“互联网+监管”系统内事项',
              unit: '项',
              direction: 'gte',
              targetValue: null,
              actual: 321,
              source: '§一(四)',
            },
            {
              code: 'T02-data-items',
              name: '“互联网+监管”汇聚数据',
              unit: '项',
              direction: 'gte',
              targetValue: null,
              actual: 2717,
              source: '§一(四)',
            },
            {
              // The report says 全区街道社区政务服务大厅均设立了法律宣传角 ("all"), read as 100 %.
              code: 'T02-law-corner-coverage',
              name: '街道社区政务服务大厅法律宣传角设立率（报告称“均设立”）',
              unit: '%',
              direction: 'gte',
              targetValue: 100,
              actual: 100,
              source: '§一(四)',
            },
          ],
        },
        {
          code: 'T03',
          title: '加强市场监管和生态环境保护',
          source: '§一(五)(六)',
          tasks: [
            {
              code: '一(五)',
              title: '加强市场监管',
              description:
                '推进跨部门联合监管和“互联网+监管”，实现“双随机、一公开”监管全覆盖、常态化。推进信用监管和涉企信息归集共享，实行守信联合激励和失信联合惩戒，让市场主体“一处违法、处处受限”。',
              leadDepartmentCode: 'market-regulation',
              leadInferred: true,
              source: '§一(五)',
            },
            {
              code: '一(六)',
              title: '强化生态环境保护',
              description:
                '严格环境准入和审查审批，实现生态环境保护行政许可规范化；落实地表水环境质量生态补偿制度，开展固定污染源清理整顿试点。建立生态环境分区管控体系和“三线一单”，全面实施河湖长制、林草长制、田长制。',
              leadDepartmentCode: 'ecology-environment',
              leadInferred: true,
              coDepartmentCodes: ['natural-resources'],
              source: '§一(六)',
            },
          ],
          indicators: [
            {
              // The report says 监管全覆盖 ("full coverage"), read as 100 %.
              code: 'T03-random-inspection-coverage',
              name: '“双随机、一公开”监管覆盖率（报告称“全覆盖”）',
              unit: '%',
              direction: 'gte',
              targetValue: 100,
              actual: 100,
              source: '§一(五)',
            },
          ],
        },
      ],
    },
    {
      code: 'R2',
      title: '完善依法行政制度体系、推进依法科学民主决策',
      source: '§二; §三',
      targets: [
        {
          code: 'T04',
          title: '完善法治队伍和以案释法制度',
          source: '§二(一)(二)',
          tasks: [
            {
              code: '二(一)',
              title: '完善法治队伍建设机制',
              description:
                '组建普法讲师团、成立法学会，定期开展法治宣讲；区司法局把人民调解员、司法干警、司法助理员、村居“两委”作为“法律明白人”培养，开展培训2次。区委宣传部、区妇联、区团委、区政法委发动志愿队伍开展专题宣讲，区文旅局组织各街道社区组建文艺队。',
              leadDepartmentCode: 'justice',
              coDepartmentCodes: [
                'publicity',
                'womens-federation',
                'youth-league',
                'political-legal',
                'culture-tourism',
                'law-society',
              ],
              source: '§二(一)',
            },
            {
              // The report names 区法治政府领导小组 for the 以案释法 case library; its office does the group's work.
              code: '二(二)',
              title: '完善公开公示、以案释法制度',
              description:
                '各行政执法部门制定并公布本部门执行的法律法规清单；由法官、检察官、警官、执法人员、律师组成的普法讲师团以真实案例开展“七进”宣讲，领导小组定期收集典型案例建立“以案释法”案例库。区扶贫办、民政局全程公示公开，区检察院、区人民法院、区自然资源局结合违建整治案件以案释法、开展打击“两违”专题宣讲。',
              leadDepartmentCode: 'office',
              coDepartmentCodes: [
                'poverty-alleviation',
                'civil-affairs',
                'procuratorate',
                'court',
                'natural-resources',
              ],
              source: '§二(二)',
            },
          ],
          indicators: [
            {
              code: 'T04-legal-trainings',
              name: '“法律明白人”学习培训',
              unit: '次',
              direction: 'gte',
              targetValue: null,
              actual: 2,
              source: '§二(一)',
            },
          ],
        },
        {
          code: 'T05',
          title: '强化规范性文件备案审查',
          source: '§二(三)',
          tasks: [
            {
              code: '二(三)',
              title: '强化规范性文件备案审查',
              description:
                '全面落实规范性文件研究论证、公平竞争审查、法制机构合法性审查、集体研究决定等制度，印发《关于进一步做好行政规范性文件合法性审核工作的通知》，明确审核标准、规范审核程序。审查备案政府部门规范性文件8件、区政府规范性文件2件。',
              leadDepartmentCode: 'justice',
              leadInferred: true,
              coDepartmentCodes: ['government-office'],
              source: '§二(三)',
            },
          ],
          indicators: [
            {
              code: 'T05-dept-normative-docs',
              name: '审查备案政府部门规范性文件',
              unit: '件',
              direction: 'gte',
              targetValue: null,
              actual: 8,
              source: '§二(三)',
            },
            {
              code: 'T05-gov-normative-docs',
              name: '审查备案区政府规范性文件',
              unit: '件',
              direction: 'gte',
              targetValue: null,
              actual: 2,
              source: '§二(三)',
            },
          ],
        },
        {
          code: 'T06',
          title: '严格重大行政决策程序和合法性审查',
          source: '§三(一)(二)(三)',
          tasks: [
            {
              // Under the 重大行政决策程序暂行条例 the government office runs the decision catalogue and procedure.
              code: '三(一)',
              title: '严格执行重大行政决策程序',
              description:
                '制定年度重大行政决策目录，落实听证、民意调查、风险评估等制度，完善公众参与、专家论证、风险评估、合法性审查和集体讨论决定相结合的决策机制。经济决策邀请企业家、商会代表，民生决策邀请群众代表，专业决策邀请专家学者，社会治理决策必须进行风险评估，公益性决策原则上公开听证。',
              leadDepartmentCode: 'government-office',
              leadInferred: true,
              coDepartmentCodes: ['justice'],
              source: '§三(一)',
            },
            {
              code: '三(二)',
              title: '加强行政决策合法性审查',
              description:
                '对区委常委会、区委深改委、区政府常务会议议题和纪要等300余件决策事项进行合法性审查，年度重大行政决策目录事项合法性审查覆盖率达100%。普遍设立法律顾问、推进公职律师工作，严格政府合同审查，审查政府部门合同30余件次，加强公平竞争审查。',
              leadDepartmentCode: 'justice',
              leadInferred: true,
              coDepartmentCodes: ['government-office'],
              source: '§三(二)',
            },
            {
              code: '三(三)',
              title: '建立重大行政决策重大项目合法性审查机制',
              description:
                '发挥司法所专业力量，凡涉及街道的重大行政决策、重大项目及可能引起重大社会影响的决定，必须由司法所进行合法性审查，并由司法所指导监督街道行政执法规范化建设。',
              leadDepartmentCode: 'justice-offices',
              coDepartmentCodes: ['streets'],
              source: '§三(三)',
            },
          ],
          indicators: [
            {
              // "300余件": more than 300; the stated round number is used.
              code: 'T06-decisions-reviewed',
              name: '合法性审查的各类决策事项（300余件）',
              unit: '件',
              direction: 'gte',
              targetValue: null,
              actual: 300,
              source: '§三(二)',
            },
            {
              code: 'T06-major-decision-review-rate',
              name: '重大行政决策合法性审查覆盖率',
              unit: '%',
              direction: 'gte',
              targetValue: 100,
              actual: 100,
              source: '§三(二)',
            },
            {
              // "30余件次": more than 30; the stated round number is used.
              code: 'T06-contracts-reviewed',
              name: '审查政府部门合同（30余件次）',
              unit: '件次',
              direction: 'gte',
              targetValue: null,
              actual: 30,
              source: '§三(二)',
            },
          ],
        },
      ],
    },
    {
      code: 'R3',
      title: '严格规范公正文明执法',
      source: '§四',
      targets: [
        {
          code: 'T07',
          title: '严格行政执法程序、规范执法行为',
          source: '§四(一)(二)',
          tasks: [
            {
              code: '四(一)',
              title: '严格行政执法程序',
              description:
                '统筹推进行政执法“三项制度”，召开工作会议再部署；建立健全投诉举报制度，排除对执法活动的干预。开展年度行政执法案卷评查，评查结果记入执法部门年终考核。',
              leadDepartmentCode: 'justice',
              leadInferred: true,
              coDepartmentCodes: ['market-regulation', 'urban-management'],
              source: '§四(一)',
            },
            {
              code: '四(二)',
              title: '规范行政执法行为',
              description:
                '建立行政复议与行政执法监督衔接机制，依《西藏自治区行政执法监督条例》处理违法或不当行政行为；加强民生等重点领域执法监督，督促整改。完善行政执法经费财政保障，严格执行“收支两条线”。',
              leadDepartmentCode: 'justice',
              leadInferred: true,
              coDepartmentCodes: ['finance'],
              source: '§四(二)',
            },
          ],
          indicators: [],
        },
        {
          code: 'T08',
          title: '加强行政执法队伍建设',
          source: '§四(三)',
          tasks: [
            {
              // The training class was run by 拉萨市司法局 (city level); the district unit is 区司法局.
              code: '四(三)',
              title: '加强行政执法队伍建设',
              description:
                '严格落实执法人员持证上岗和资格管理，依托拉萨市司法局法治培训班开展公共法律知识培训，2021年培训执法人员71人，并对新增执法人员开展培训考试。规范执法辅助人员管理，健全纪律约束，加强职业道德教育。',
              leadDepartmentCode: 'justice',
              leadInferred: true,
              source: '§四(三)',
            },
          ],
          indicators: [
            {
              code: 'T08-officers-trained',
              name: '参加培训的行政执法人员',
              unit: '人',
              direction: 'gte',
              targetValue: null,
              actual: 71,
              source: '§四(三)',
            },
          ],
        },
      ],
    },
    {
      code: 'R4',
      title: '强化权力制约监督、依法化解矛盾纠纷',
      source: '§五; §六',
      targets: [
        {
          code: 'T09',
          title: '自觉接受监督、做好行政应诉',
          source: '§五(一)',
          tasks: [
            {
              // Named are the supervisors (人大常委会, 政协, 监察/检察机关, 法院) and 各街道; reporting to them
              // is the government office's work, 行政应诉 is 区司法局's.
              code: '五(一)',
              title: '自觉接受党内监督、人大监督、民主监督、监察监督、司法监督',
              description:
                '各街道及部门党组(党委)履行全面从严治党主体责任；坚持重大事项向区人大常委会报告、向区政协通报，配合监察机关监督，及时反馈检察建议采纳情况，尊重并执行法院生效裁判。全年行政诉讼一审案件5件（均以政府为被告），推进行政机关负责人出庭应诉，出庭应诉率100%。',
              leadDepartmentCode: 'government-office',
              leadInferred: true,
              coDepartmentCodes: ['justice', 'streets'],
              source: '§五(一)',
            },
          ],
          indicators: [
            {
              // Fewer lawsuits against the administration is better; no target is stated.
              code: 'T09-lawsuits',
              name: '行政诉讼一审案件',
              unit: '件',
              direction: 'lte',
              targetValue: null,
              actual: 5,
              source: '§五(一)',
            },
            {
              code: 'T09-lawsuits-gov-defendant',
              name: '以政府为被告的行政诉讼一审案件',
              unit: '件',
              direction: 'lte',
              targetValue: null,
              actual: 5,
              source: '§五(一)',
            },
            {
              code: 'T09-head-appearance-rate',
              name: '行政机关负责人出庭应诉率',
              unit: '%',
              direction: 'gte',
              targetValue: 100,
              actual: 100,
              source: '§五(一)',
            },
          ],
        },
        {
          code: 'T10',
          title: '加强行政和审计监督、完善纠错问责',
          source: '§五(二)(三)',
          tasks: [
            {
              code: '五(二)',
              title: '加强行政监督和审计监督',
              description:
                '召开区政府廉政工作会议研判廉政风险；加强财政资金监管和预算绩效管理，深化政府采购制度改革，推进公共资源交易全覆盖，完善信用体系和联合惩戒。制定推进审计全覆盖的实施意见，对审计全覆盖进行规划设计。',
              leadDepartmentCode: 'audit',
              leadInferred: true,
              coDepartmentCodes: ['finance', 'government-office'],
              source: '§五(二)',
            },
            {
              code: '五(三)',
              title: '完善行政纠错问责机制',
              description:
                '加强对重大决策部署和重点工作落实情况的监督检查，及时查处纠正突出问题；通过责任落实检查、廉政谈话、述责述廉压实管党治党责任，持之以恒纠正“四风”。深入整治群众身边腐败和作风问题，持续开展扶贫、低保、医保等领域专项治理，依纪依法严惩。',
              leadDepartmentCode: 'discipline-inspection',
              leadInferred: true,
              coDepartmentCodes: ['government-office'],
              source: '§五(三)',
            },
          ],
          indicators: [],
        },
        {
          code: 'T11',
          title: '依法有效化解社会矛盾纠纷',
          source: '§六(一)(二)(三)(四)',
          tasks: [
            {
              // The report names no lead: "所长、局长、律师三必到" are 司法所长 and 司法局长; 住建局, 物价局,
              // 市场监管局, 自然资源局 are among the 11 units it called in (市委党校, also named, is city-level).
              code: '六(一)',
              title: '健全依法化解纠纷机制',
              description:
                '坚持街道、村(居)人民调解委员会每月矛盾纠纷排查，全区85个调解组织、535名调解员，全年调解204起、成功200起、引导至司法程序4起。难度大的纠纷所长、局长、律师三必到，到场协调7起并组织住建局、物价局等11家单位集中调解；推进1+1+N排查调处机制、“一村(社区)一法律顾问”和“智慧调解”系统。',
              leadDepartmentCode: 'justice',
              leadInferred: true,
              coDepartmentCodes: [
                'mediation-committees',
                'justice-offices',
                'housing',
                'price-bureau',
                'market-regulation',
                'natural-resources',
              ],
              source: '§六(一)',
            },
            {
              // §一(四) names 区司法局 as the builder of the same three-level public legal service system.
              code: '六(二)',
              title: '建全公共法律服务体系',
              description:
                '建立区、街道、村(社区)三级公共法律服务体系；完善“诉调”“访调”“公调”对接，实施“警民联调”和“司法人民调解+法院司法确认”机制。扩大法律援助覆盖面，全年办理法律援助案件180件（民事160件、非诉讼民事95件），解答法律咨询400人次，代写法律文书7份。',
              leadDepartmentCode: 'justice',
              coDepartmentCodes: ['legal-aid-center', 'justice-offices', 'court', 'public-security'],
              source: '§六(二); §一(四)',
            },
            {
              code: '六(三)',
              title: '加强行政复议工作',
              description:
                '开展行政复议法宣传，依法审理复议案件，全年收到行政复议申请5件、受理5件；将调解贯穿办案全过程，增强复议决定说理性。推进行政复议规范化建设，全面施行决定书网上公开。',
              leadDepartmentCode: 'justice',
              leadInferred: true,
              source: '§六(三)',
            },
            {
              code: '六(四)',
              title: '依法完善信访工作制度',
              description:
                '拓宽畅通信访渠道，形成信、访多轮驱动模式，信访事项及时受理率99.9%、按期办结率99.8%。健全依法分类处理工作机制，把信访问题导入法定途径依法分流、妥善处理。',
              leadDepartmentCode: 'petitions',
              leadInferred: true,
              coDepartmentCodes: ['streets'],
              source: '§六(四)',
            },
          ],
          indicators: [
            {
              code: 'T11-mediation-orgs',
              name: '调解组织',
              unit: '个',
              direction: 'gte',
              targetValue: null,
              actual: 85,
              source: '§六(一)',
            },
            {
              // As reported; note 76 + 355 + 51 = 482, not 535.
              code: 'T11-mediators',
              name: '调解员',
              unit: '名',
              direction: 'gte',
              targetValue: null,
              actual: 535,
              source: '§六(一)',
            },
            {
              code: 'T11-mediators-street',
              name: '乡、街道调解员',
              unit: '人',
              direction: 'gte',
              targetValue: null,
              actual: 76,
              source: '§六(一)',
            },
            {
              code: 'T11-mediators-village',
              name: '村、居调解员',
              unit: '人',
              direction: 'gte',
              targetValue: null,
              actual: 355,
              source: '§六(一)',
            },
            {
              code: 'T11-mediators-professional',
              name: '专业性、行业性调解员',
              unit: '人',
              direction: 'gte',
              targetValue: null,
              actual: 51,
              source: '§六(一)',
            },
            {
              code: 'T11-mediations',
              name: '调解矛盾纠纷',
              unit: '起',
              direction: 'gte',
              targetValue: null,
              actual: 204,
              source: '§六(一)',
            },
            {
              code: 'T11-mediations-successful',
              name: '成功调解',
              unit: '起',
              direction: 'gte',
              targetValue: null,
              actual: 200,
              source: '§六(一)',
            },
            {
              // Disputes mediation could not settle; fewer is better, no target stated.
              code: 'T11-mediations-to-court',
              name: '引导至司法程序的纠纷',
              unit: '起',
              direction: 'lte',
              targetValue: null,
              actual: 4,
              source: '§六(一)',
            },
            {
              code: 'T11-difficult-disputes',
              name: '所长、局长、律师到场协调的难度大、争议突出纠纷',
              unit: '起',
              direction: 'gte',
              targetValue: null,
              actual: 7,
              source: '§六(一)',
            },
            {
              code: 'T11-joint-mediation-units',
              name: '组织协调开展集中调解的部门单位',
              unit: '家',
              direction: 'gte',
              targetValue: null,
              actual: 11,
              source: '§六(一)',
            },
            {
              // As reported; 160 civil + 95 non-litigation civil exceeds the 180 total.
              code: 'T11-legal-aid-cases',
              name: '办理法律援助案件',
              unit: '件',
              direction: 'gte',
              targetValue: null,
              actual: 180,
              source: '§六(二)',
            },
            {
              code: 'T11-legal-aid-civil',
              name: '办理民事法律援助',
              unit: '件',
              direction: 'gte',
              targetValue: null,
              actual: 160,
              source: '§六(二)',
            },
            {
              code: 'T11-legal-aid-non-litigation',
              name: '非诉讼民事法律援助',
              unit: '件',
              direction: 'gte',
              targetValue: null,
              actual: 95,
              source: '§六(二)',
            },
            {
              code: 'T11-legal-consultations',
              name: '接待来访解答法律咨询',
              unit: '人次',
              direction: 'gte',
              targetValue: null,
              actual: 400,
              source: '§六(二)',
            },
            {
              code: 'T11-legal-documents',
              name: '代写法律文书',
              unit: '份',
              direction: 'gte',
              targetValue: null,
              actual: 7,
              source: '§六(二)',
            },
            {
              code: 'T11-review-applications',
              name: '收到行政复议申请',
              unit: '件',
              direction: 'gte',
              targetValue: null,
              actual: 5,
              source: '§六(三)',
            },
            {
              code: 'T11-review-accepted',
              name: '受理行政复议申请',
              unit: '件',
              direction: 'gte',
              targetValue: null,
              actual: 5,
              source: '§六(三)',
            },
            {
              code: 'T11-petition-acceptance-rate',
              name: '信访事项及时受理率',
              unit: '%',
              direction: 'gte',
              targetValue: null,
              actual: 99.9,
              source: '§六(四)',
            },
            {
              code: 'T11-petition-closure-rate',
              name: '信访事项按期办结率',
              unit: '%',
              direction: 'gte',
              targetValue: null,
              actual: 99.8,
              source: '§六(四)',
            },
            // §六(四) also says "全年共导入法定途径化解信访事项件" but the number is missing from the report.
          ],
        },
      ],
    },
    {
      code: 'R5',
      title: '提高工作人员法治思维和依法办事能力',
      source: '§七; §一(七)',
      targets: [
        {
          code: 'T12',
          title: '加强干部法治教育培训和普法宣传',
          source: '§七(一)(二)(三); §一(七)',
          tasks: [
            {
              code: '七(一)',
              title: '加强干部法治思想建设',
              description:
                '树立重视法治素养和法治能力的用人导向，看干部是否善于用市场化、法治化办法解决问题；强化干部法治教育，引导干部重规则、讲诚信、守法纪。健全依法办事制度，实施机关工作流程再造，建立扁平化工作机制。',
              leadDepartmentCode: 'organization',
              leadInferred: true,
              source: '§七(一)',
            },
            {
              // 区委 runs the 干部讲堂 and the 党校 courses; cadre and civil-servant training is 组织部's function.
              code: '七(二)',
              title: '加强法治教育培训',
              description:
                '区委举办城关干部讲堂，政府常务会议、党组会议学习保守国家秘密法、政府信息公开条例、重大行政决策程序暂行条例等法律法规。把宪法法律、依法行政列为党校主体班次和新录用公务员初任培训的重要教学内容，组织新录用公务员宪法宣誓。',
              leadDepartmentCode: 'organization',
              leadInferred: true,
              coDepartmentCodes: ['party-school', 'government-office'],
              source: '§七(二)',
            },
            {
              // The report names 区普法办 as the partner of the named bureaus; it coordinates 谁执法谁普法.
              code: '七(三)',
              title: '注重通过法治实践提高政府工作人员法治思维和依法行政能力',
              description:
                '落实“谁执法谁普法”责任制，建立执法人员以案释法制度；区市场监管局、区城管局全面落实行政执法“三项制度”，事前审查、全要素记录、全过程公开成为常态。区人社局、区自然资源局、区文旅局与区普法办协调联动，形成“公证参与行政执法”“法律援助与劳动保障监察衔接机制”等做法。',
              leadDepartmentCode: 'law-popularization',
              coDepartmentCodes: [
                'market-regulation',
                'urban-management',
                'human-resources',
                'natural-resources',
                'culture-tourism',
              ],
              source: '§七(三)',
            },
            {
              code: '一(七)',
              title: '突出地方普法特色',
              description:
                '提炼维护稳定、社会治理、民族团结和依法管理宗教事务的做法，各寺庙管理委员会及专职特派员组织驻寺干部和僧尼参与“法制西藏”线上学习，驻寺干部参学率99%、僧尼参学率95%。区普法办联合宗教局深入寺庙指导，开展法治宣传活动16场次、参加僧尼660人次，发放法治读本和资料2000余册。',
              leadDepartmentCode: 'law-popularization',
              coDepartmentCodes: ['religious-affairs', 'temple-committees'],
              source: '§一(七)',
            },
          ],
          indicators: [
            {
              code: 'T12-temple-cadre-study-rate',
              name: '驻寺干部“法制西藏”线上学习参学率',
              unit: '%',
              direction: 'gte',
              targetValue: null,
              actual: 99,
              source: '§一(七)',
            },
            {
              code: 'T12-monk-nun-study-rate',
              name: '僧尼“法制西藏”线上学习参学率',
              unit: '%',
              direction: 'gte',
              targetValue: null,
              actual: 95,
              source: '§一(七)',
            },
            {
              code: 'T12-temple-events',
              name: '寺庙法治宣传活动',
              unit: '场次',
              direction: 'gte',
              targetValue: null,
              actual: 16,
              source: '§一(七)',
            },
            {
              code: 'T12-temple-participants',
              name: '参加法治宣传活动的僧尼',
              unit: '人次',
              direction: 'gte',
              targetValue: null,
              actual: 660,
              source: '§一(七)',
            },
            {
              // "2000余册": more than 2000; the stated round number is used.
              code: 'T12-materials-distributed',
              name: '发放法治读本、资料（2000余册）',
              unit: '册',
              direction: 'gte',
              targetValue: null,
              actual: 2000,
              source: '§一(七)',
            },
          ],
        },
      ],
    },
  ],
  problems: [
    {
      code: 'P1',
      title: '工作开展方面',
      description:
        '工作力量较薄弱，法制机构组建和人员不到位，合法性审查等依法决策机制落实不到位；规范性文件报送备案审查主动性不高，科学民主决策和规范性文件制定管理需细化制度、加强指导监督；综合行政执法改革和执法体制改革面对新问题创新探索不足，行政执法监督有待加强。',
      source: '§八(一)',
    },
    {
      code: 'P2',
      title: '法治宣传方式方面',
      description:
        '宣传形式单调、手法陈旧、内容空泛；宣传干部法治素养不高、业务能力不强，普法多为说教式单向灌输，缺少与群众互动，宣传成效低。',
      source: '§八(二)',
    },
    {
      code: 'P3',
      title: '社会治理格局方面',
      description:
        '普法部门整体联动不够，多数普法成员单位统揽社会治理能力不足，不能有效整合资源、动员群众、联动共治，在区域治理中处于被动；居民群众参与普法宣传、依法治理意愿不强、行动缺失。',
      source: '§八(三)',
    },
  ],
  actionItems: [
    {
      // Answers P1's 依法决策机制落实不到位 and 科学民主决策 needing finer rules.
      code: 'A1',
      title: '全面完善重大行政决策机制',
      description:
        '坚持依法科学民主决策，发挥政府法律顾问作用，按公众参与、专家论证、风险评估、合法性审查和集体讨论决定的程序决策；健全风险评估制度，完善决策跟踪反馈和责任追究机制，评估决策执行效果。',
      problemCodes: ['P1'],
      source: '§八 下一步(一)',
    },
    {
      // Answers P1's 工作力量较薄弱、法制机构组建和人员不到位.
      code: 'A2',
      title: '完善法制队伍建设',
      description: '加强法制机构人员配备，充实法制机构人员力量，加大对法制队伍的培训力度，积极引进法律人才。',
      problemCodes: ['P1'],
      source: '§八 下一步(二)',
    },
    {
      // Answers P1's 行政执法监督有待加强.
      code: 'A3',
      title: '进一步规范行政执法行为',
      description:
        '强化执法队伍建设和管理，加强对执法人员法律法规等知识的培训，提高执法水平，打造作风优良、素质过硬的执法铁军。',
      problemCodes: ['P1'],
      source: '§八 下一步(三)',
    },
    {
      // Answers P1's 综合行政执法改革…创新探索不足.
      code: 'A4',
      title: '深化行政执法体制改革',
      description:
        '优化执法体系，综合执法与专业执法相结合，分城市管理领域综合执法、市场监管领域综合执法和农业环保安监文物等专业领域执法三大块，推进综合行政执法体制改革。',
      problemCodes: ['P1'],
      source: '§八 下一步(四)',
    },
    {
      // Answers P2 (one-way, dull publicity; cadres' low legal literacy) and P3 (residents unwilling to take part).
      code: 'A5',
      title: '强化法治宣传教育工作，提高法治意识',
      description:
        '继续落实领导班子集体学法制度，提高领导干部运用法治思维和法律手段的能力；有针对性、经常性、多渠道加强群众普法宣传教育，提高群众法治意识和法律素养，营造自觉守法的良好氛围。',
      problemCodes: ['P2', 'P3'],
      source: '§八 下一步(五)',
    },
    {
      // Assessing every department and unit is the lever on P3's weak joint action of the 普法成员单位, and
      // on P1's lack of initiative (e.g. in filing normative documents for review).
      code: 'A6',
      title: '全面开展法治政府建设考核',
      description:
        '对各部门各单位法治政府建设情况进行全面考核，并将考核纳入考绩，推进法治政府建设逐年上台阶。',
      problemCodes: ['P1', 'P3'],
      source: '§八 下一步(六)',
    },
  ],
};
