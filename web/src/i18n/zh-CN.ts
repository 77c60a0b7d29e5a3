export default {
  app: { name: '妇幼', subtitle: '重庆妇幼健康一体化平台', logout: '退出登录', language: 'English', loading: '加载中…' },
  nav: { home: '首页', persons: '人员', institutions: '机构', audit: '审计', pregnancies: '孕产妇', worklist: '工作清单', cases: '高危专案', children: '儿童保健', calculators: '计算器' },
  roles: { CLINICIAN: '医生', MIDWIFE_NURSE: '助产士/护士', INSTITUTION_ADMIN: '机构管理员', REGIONAL_OFFICIAL: '区域管理人员', SYSTEM_ADMIN: '系统管理员' },
  login: { title: '登录', username: '用户名', password: '密码', submit: '登录', badCredentials: '用户名或密码错误', locked: '多次登录失败，账号已锁定至 {until}', demo: "演示账号密码：Demo{'@'}2026" },
  common: { search: '搜索', reset: '重置', save: '保存', cancel: '取消', edit: '编辑', create: '新建', open: '打开', back: '返回', confirm: '确认', export: '导出', empty: '暂无数据', error: '出错了', all: '全部', yes: '是', no: '否', reason: '理由', version: '版本', status: '状态', actions: '操作', total: '共 {n} 条', reload: '重新加载', staleVersion: '记录已被他人修改，请重新加载后再保存', saved: '已保存', required: '必填' },
  home: { title: '网络概况', persons: '登记人员', women: '育龄及以上女性', children: '3岁以下儿童', institutions: '机构', alliance: '专科联盟成员', byArea: '各区县机构与人员', byType: '机构类型', institutionsSeries: '机构数', personsSeries: '人员数' },
  person: {
    searchPlaceholder: '姓名、身份证号或手机号', register: '登记新人员', name: '姓名', familyName: '姓', givenName: '名', sex: '性别', F: '女', M: '男', U: '未定',
    birthDate: '出生日期', idType: '证件类型', idNumber: '证件号码', RESIDENT_ID: '居民身份证', PASSPORT: '护照', BIRTH_RECORD: '出生记录',
    nationality: '国籍', phone: '手机号', area: '住址地区', address: '详细地址', registeredAt: '建档机构', links: '家庭关系',
    MOTHER: '母亲', CHILD: '子女', PARTNER: '配偶', restricted: '受限记录', emptySearch: '输入姓名、身份证号或手机号开始查找',
    noResult: '没有找到可查看的人员', identity: '身份信息', accessLog: '谁查看了此记录', forbidden: '您所在机构无权查看此记录',
    forbiddenHint: '该人员未在本机构建档、就诊或转诊。如确需紧急查看，可“紧急访问”，须填写理由并会被审计标记。',
    breakGlass: '紧急访问', breakGlassReason: '紧急访问理由（至少10个字）', sameId: '该证件号已登记，同一证件号即同一人。', openExisting: '打开已有记录',
    possibleDuplicate: '发现同名、同出生日期、同电话的人员，可能是同一人：', registerAnyway: '仍然登记为新人员', merge: '合并到此记录',
    idChecksum: '身份证号校验位错误', idLength: '身份证号应为18位', created: '已登记', mergedInto: '此记录已合并到', pregnancies: '孕期档案', newPregnancy: '新建孕期档案', childRecord: '儿童保健档案'
  },
  institution: {
    title: '机构目录', code: '代码', name: '名称', nameZh: '中文名称', nameEn: '英文名称', level: '级别', type: '类型', area: '地区', zone: '功能区',
    designations: '指定职能', serviceAreas: '服务区域', alliance: '专科联盟', joined: '加入时间', agreement: '协议', history: '变更历史', levelN: '{n}级',
    types: { MCH_HOSPITAL: '妇幼保健院', GENERAL_HOSPITAL: '综合医院', CHILDRENS_HOSPITAL: '儿童医院', COMMUNITY_HEALTH_CENTRE: '社区/乡镇卫生院', NURSERY: '托育机构', MCH_INSTITUTE: '妇幼保健机构' },
    des: { CRITICAL_MATERNAL_CARE_CENTRE: '危重孕产妇救治中心', CRITICAL_NEWBORN_CARE_CENTRE: '危重新生儿救治中心', ART_CENTRE: '人类辅助生殖中心', PRENATAL_DIAGNOSIS_CENTRE: '产前诊断中心', INFANT_CARE_GUIDANCE_CENTRE: '婴幼儿照护指导中心' },
    allianceStatus: { ACTIVE: '在盟', SUSPENDED: '暂停', LEFT: '退出' }
  },
  audit: { title: '审计日志', at: '时间', user: '用户', institution: '机构', action: '操作', entity: '对象', outcome: '结果', breakGlass: '紧急访问', ip: '来源地址', ALLOWED: '允许', DENIED: '拒绝', from: '开始', to: '结束' },
  risk: { GREEN: '绿色', YELLOW: '黄色', ORANGE: '橙色', RED: '红色', PURPLE: '紫色', SCREENING: '筛查项', purple: '传染病(紫)', none: '未评估', colourLabel: '风险颜色', timeline: '风险评估时间线', factors: '风险因素', confirm: '确认', override: '调整颜色', overrideReason: '调整理由', computed: '系统评估', confirmed: '已确认', screenPositive: '筛查阳性' },
  pregnancy: {
    title: '孕期档案', register: '孕期建册', gravida: '孕次', para: '产次', lmp: '末次月经', edd: '预产期', ga: '孕周', gaValue: '{w}周+{d}天', dating: '核对孕周', datingMethod: '推算方法',
    LMP: '末次月经', ULTRASOUND: '超声', ART: '辅助生殖', redated: '已按超声校正', suboptimal: '未在22周前超声核对', height: '身高 (cm)', weight: '孕前体重 (kg)',
    fetusCount: '胎数', uterineSurgeries: '子宫手术次数', historyFactors: '既往史风险因素', contacts: '产前检查', newContact: '登记产前检查', contactDate: '检查日期',
    weightKg: '体重 (kg)', bp: '血压', systolic: '收缩压', diastolic: '舒张压', fundal: '宫高 (cm)', fhr: '胎心 (次/分)', hb: '血红蛋白 (g/L)', plt: '血小板 (×10⁹/L)',
    glucose: '空腹血糖', rh: 'Rh', hiv: 'HIV', syphilis: '梅毒', hbsag: '乙肝表面抗原', factors: '临床风险因素', plan: '处理意见', nextAppointment: '下次预约',
    POSITIVE: '阳性', NEGATIVE: '阴性', schedule: '产检计划（国家基本公卫5次）', DONE: '已完成', UPCOMING: '未到期', DUE: '到期', OVERDUE: '逾期',
    cases: '高危专案', careWarning: '机构级别提示', delivery: '分娩', status: { OPEN: '孕期中', DELIVERED: '产褥期', CLOSED: '已结案' }, tasks: '待评估任务',
    caseList: '辖区高危专案', district: '区县', reportedTo: '报告至', careInstitution: '管理机构', openedAt: '建案时间', dashboard: '机构看板',
    byColour: '在管孕妇风险分布', overdueContacts: '逾期产检', dueContacts: '到期产检', openCases: '在管专案', gradingTrend: '近12个月风险评估', worklist: '工作清单',
    kinds: { ANTENATAL: '产前检查', POSTPARTUM: '产后访视', GRADING_TASK: '上转评估', PMTCT: '母婴阻断' }, item: '事项', dueFrom: '开始', dueUntil: '截止'
  },
  child: { band: 'Z评分区间', title: '儿童保健', growth: '生长曲线', weightForAge: '年龄别体重', visits: '随访记录', newVisit: '登记随访', visitDate: '随访日期', weightKg: '体重 (kg)', lengthCm: '身长/身高 (cm)', measurement: '测量方式', RECUMBENT: '卧位', STANDING: '立位', hc: '头围 (cm)', ageDays: '日龄', highRisk: '高危因素', schedule: '健康检查计划', birth: '出生情况' }
}
