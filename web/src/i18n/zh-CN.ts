export default {
  app: { name: '妇幼', subtitle: '重庆妇幼健康一体化平台', logout: '退出登录', language: 'English', loading: '加载中…' },
  nav: { referrals: '转诊', alliance: '专科联盟', home: '首页', persons: '人员', institutions: '机构', audit: '审计', pregnancies: '孕产妇', worklist: '工作清单', cases: '高危专案', children: '儿童保健', calculators: '计算器' },
  roles: { CLINICIAN: '医生', MIDWIFE_NURSE: '助产士/护士', INSTITUTION_ADMIN: '机构管理员', REGIONAL_OFFICIAL: '区域管理人员', SYSTEM_ADMIN: '系统管理员' },
  login: { welcome: '欢迎使用', intro: '孕产妇与儿童健康档案 · 危重救治网络 · 区域统计', title: '登录', username: '用户名', password: '密码', submit: '登录', badCredentials: '用户名或密码错误', locked: '多次登录失败，账号已锁定至 {until}', demo: "演示账号密码：Demo{'@'}2026" },
  common: { checkFields: '请检查标红的字段', network: '无法连接服务器，请检查网络后重试', errorStatus: '请求失败（{status}）', retry: '重试', close: '关闭', optional: '选填', staleTitle: '记录已被他人修改', staleBody: '在您编辑期间，其他用户保存了此记录。请重新加载最新版本后再修改。', keepEditing: '继续编辑', lastChanged: '最后修改', loadFailed: '加载失败', emptyFiltered: '没有符合条件的记录，请调整筛选条件', clear: '清除', from: '自', to: '至', details: '详情', by: '操作人', search: '搜索', reset: '重置', save: '保存', cancel: '取消', edit: '编辑', create: '新建', open: '打开', back: '返回', confirm: '确认', export: '导出', empty: '暂无数据', error: '出错了', all: '全部', yes: '是', no: '否', reason: '理由', version: '版本', status: '状态', actions: '操作', total: '共 {n} 条', reload: '重新加载', staleVersion: '记录已被他人修改，请重新加载后再保存', saved: '已保存', required: '必填' },
  home: { subtitle: '重庆市妇幼健康服务网络实时概况', empty: '暂无统计数据', title: '网络概况', persons: '登记人员', women: '育龄及以上女性', children: '3岁以下儿童', institutions: '机构', alliance: '专科联盟成员', byArea: '各区县机构与人员', byType: '机构类型', institutionsSeries: '机构数', personsSeries: '人员数' },
  person: {
    searchHint: '可按姓名（前几个字）、18位身份证号或11位手机号查找', noResultHint: '只显示您所在机构有权查看的人员；按证件号查找可显示受限记录。', idDate: '身份证号中的出生日期无效', idRequired: '请输入证件号码', fieldRequired: '请填写{field}', phoneFormat: '手机号应为11位数字', restrictedHint: '此人员不在您的机构管理范围内，点击可申请紧急访问', edit: '编辑身份信息', notFound: '未找到此人员', breakGlassTitle: '紧急访问（破窗）', breakGlassIntro: '请说明紧急查看此记录的理由。本次访问将以“紧急访问”标记记入审计日志，并由管理员复核。', breakGlassShort: '理由至少需要10个字', breakGlassDone: '已获准紧急访问，本次访问已记入审计', breakGlassNotAllowed: '此记录不允许紧急访问', accessLogEmpty: '暂无访问记录', autoFilled: '已根据身份证号自动填写出生日期和性别', age: '年龄', motherId: '母亲记录ID', partnerId: '配偶记录ID', nationalityHint: '如 CHN、USA', mergeTitle: '合并重复记录', mergeIntro: '将另一条重复记录合并到当前记录（当前记录保留）。合并会记入审计，可撤销。', duplicateId: '重复记录ID', mergeDone: '已合并', undoMerge: '撤销合并', undone: '已撤销合并', registerHint: '登记前请先查找，避免重复建档。', created_by: '建档', changed_by: '修改', survivor: '保留此记录', searchPlaceholder: '姓名、身份证号或手机号', register: '登记新人员', name: '姓名', familyName: '姓', givenName: '名', sex: '性别', F: '女', M: '男', U: '未定',
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
    searchPlaceholder: '名称或代码', emptyHint: '没有符合条件的机构，请调整地区、职能或类型筛选', allianceMember: '联盟成员', allianceNone: '非联盟成员', historyEmpty: '暂无变更记录', editTitle: '编辑机构信息', zonesGroup: '功能区（按配置归属）', changed: '变更字段', initial: '初始版本', status: '状态', title: '机构目录', code: '代码', name: '名称', nameZh: '中文名称', nameEn: '英文名称', level: '级别', type: '类型', area: '地区', zone: '功能区',
    designations: '指定职能', serviceAreas: '服务区域', alliance: '专科联盟', joined: '加入时间', agreement: '协议', history: '变更历史', levelN: '{n}级',
    types: { MCH_HOSPITAL: '妇幼保健院', GENERAL_HOSPITAL: '综合医院', CHILDRENS_HOSPITAL: '儿童医院', COMMUNITY_HEALTH_CENTRE: '社区/乡镇卫生院', NURSERY: '托育机构', MCH_INSTITUTE: '妇幼保健机构' },
    des: { CRITICAL_MATERNAL_CARE_CENTRE: '危重孕产妇救治中心', CRITICAL_NEWBORN_CARE_CENTRE: '危重新生儿救治中心', ART_CENTRE: '人类辅助生殖中心', PRENATAL_DIAGNOSIS_CENTRE: '产前诊断中心', INFANT_CARE_GUIDANCE_CENTRE: '婴幼儿照护指导中心' },
    allianceStatus: { ACTIVE: '在盟', SUSPENDED: '暂停', LEFT: '退出' }
  },
  audit: { personId: '人员ID', emptyHint: '没有符合条件的审计记录', range: '时间范围', actions: { READ: '查看', SEARCH: '查找', CREATE: '新建', UPDATE: '修改', VOID: '作废', MERGE: '合并', UNMERGE: '撤销合并', BREAK_GLASS: '紧急访问', LOGIN: '登录', LOGIN_FAILED: '登录失败', LOGOUT: '退出', GRADE: '风险评估', OVERRIDE_GRADING: '调整风险颜色', DELIVERY: '分娩登记' }, title: '审计日志', at: '时间', user: '用户', institution: '机构', action: '操作', entity: '对象', outcome: '结果', breakGlass: '紧急访问', ip: '来源地址', ALLOWED: '允许', DENIED: '拒绝', from: '开始', to: '结束' },
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
  network: { inbox: '转诊收件箱', live: '实时', incoming: '转入', outgoing: '转出', open: '未结束', overdueOnly: '只看超时', urgency: '紧急程度', from: '转出机构', to: '接收机构', reason: '转诊原因', ackBy: '应答时限', changed: '转诊有更新', referral: '转诊单', times: '决定/出发/到达', outcome: '诊疗结果', plan: '回转管理方案', summary: '病情摘要（自动生成）', history: '流转记录', note: '备注/理由', redirectTo: '改转机构代码', refer: '转诊', designatedCentre: '转至辖区指定危重孕产妇救治中心', screenFollowUp: '筛查阳性/异常转诊（2周内随访）', alliance: '专科联盟', allianceTrend: '联盟转诊与会诊（近12个月）', sent: '转出', received: '转入', backReferred: '回转', consultations: '会诊', medianMinutes: '应答中位时间（分钟）',
    urgencies: { ROUTINE: '常规', URGENT: '紧急', EMERGENCY: '急救' },
    states: { REQUESTED: '待接收', ACCEPTED: '已接收', DECLINED: '已拒绝', REDIRECTED: '已改转', IN_TRANSIT: '转运中', ARRIVED: '已到达', COMPLETED: '已诊疗', BACK_REFERRED: '已回转', CLOSED: '已结束' },
    actions: { ACCEPTED: '接收', DECLINED: '拒绝', REDIRECTED: '改转', IN_TRANSIT: '已出发', ARRIVED: '已到达', COMPLETED: '完成诊疗', BACK_REFERRED: '回转下级', CLOSED: '结束' } },
  child: { band: 'Z评分区间', title: '儿童保健', growth: '生长曲线', weightForAge: '年龄别体重', visits: '随访记录', newVisit: '登记随访', visitDate: '随访日期', weightKg: '体重 (kg)', lengthCm: '身长/身高 (cm)', measurement: '测量方式', RECUMBENT: '卧位', STANDING: '立位', hc: '头围 (cm)', ageDays: '日龄', highRisk: '高危因素', schedule: '健康检查计划', birth: '出生情况' }
}
