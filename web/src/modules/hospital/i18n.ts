/** The hospital module's texts (zh-CN first, en), under `hospital`; found by i18n/index.ts. */
const zh = {
  hospital: {
    title: '儿童医院床位与转运', board: '床位看板', transfers: '转运申请', admissions: '在院患儿', statistics: '统计', capacity: 'NICU/PICU 床位容量',
    capacityHint: '各医院实时空余床位（仅数量，不含患儿信息）', capacityOnly: '您所在机构只能查看床位数量',
    ward: '病区', division: '科室', bed: '床位', type: '床位类型', state: '状态', total: '合计', free: '空床', occupied: '占用', reserved: '预留', cleaning: '清洁中', closed: '关闭',
    types: { GENERAL: '普通', PICU: 'PICU', NICU_I: 'NICU I级', NICU_II: 'NICU II级', NICU_III: 'NICU III级', ISOLATION: '隔离' },
    states: { FREE: '空闲', OCCUPIED: '占用', RESERVED: '预留', CLEANING: '清洁中', CLOSED: '关闭' },
    outcomes: { CURED: '治愈', IMPROVED: '好转', TRANSFERRED: '转院', AGAINST_ADVICE: '自动出院', DIED: '死亡' },
    bands: { LT28: '<28周', W28_31: '28–31周', W32_36: '32–36周', GE37: '≥37周', UNKNOWN: '孕周不详' },
    allTypes: '全部类型', allDivisions: '全部科室', filter: '筛选',
    reserve: '预留床位', reserveFor: '为谁预留', byReferral: '转运申请', byChild: '儿童', expiresAt: '预留至', child: '患儿', referral: '转诊单',
    admit: '入院', arrive: '到院入院', directAdmit: '直接入院', admittedAt: '入院时间', diagnoses: 'ICD-10 诊断', diagnosesHint: '如 P07.3、P22.0，逗号分隔',
    transfer: '转科/转床', targetBed: '目标床位', reason: '原因', discharge: '出院', dischargedAt: '出院时间', outcome: '转归', summary: '出院小结',
    followUpInstitution: '随访机构', followUpPlan: '随访计划', los: '住院天数', days: '天', cancel: '取消预留', cleaned: '清洁完毕', close: '关闭床位', reopen: '重新开放',
    requestBed: '申请 NICU/PICU 床位', requestHint: '申请以"紧急"转诊发送到接收医院值班收件箱；外籍儿童自动转往涉外医疗定点机构。',
    gaDays: '出生孕周（天）', gaWeeks: '出生孕周', birthWeight: '出生体重 (g)', interpreter: '需要翻译', language: '语种', toInstitution: '接收医院',
    toDefault: '默认：危重新生儿救治中心', foreign: '外籍', from: '申请机构', requestedAt: '申请时间', referralState: '转诊状态', incoming: '收到的申请', outgoing: '本院发出的申请',
    openOnly: '只看未完成', occupancyByDay: '各病区每日占用率（午夜普查）', meanOccupancy: '平均占用率', byReferrer: 'NICU 入院：按转出机构和出生孕周',
    arrivals: '申请到到院时间', median: '中位数', p90: '第90百分位', withinTarget: '2小时内到院', outcomesByGa: 'NICU 转归与病死率（按出生孕周）',
    discharged: '出院', died: '死亡', mortality: '病死率', meanLos: '平均住院日', minutes: '分钟', from2: '自', to2: '至', hospitalStays: '住院记录',
    selectChild: '输入姓名或证件号查找', passport: '护照', interpreterNeeded: '需要翻译', stays: '病区经历', freeNeonatal: 'NICU 空床', freePicu: 'PICU 空床',
    foreignCare: '涉外医疗', viewBoard: '查看', noBeds: '暂无床位数据', none: '无'
  }
}
const en = {
  hospital: {
    title: "Children's hospital beds and transfers", board: 'Bed board', transfers: 'Transfer requests', admissions: 'Inpatients', statistics: 'Statistics', capacity: 'NICU/PICU capacity',
    capacityHint: 'Free beds in each hospital now (counts only, no patients)', capacityOnly: 'Your institution sees bed counts only',
    ward: 'Ward', division: 'Division', bed: 'Bed', type: 'Bed type', state: 'State', total: 'Total', free: 'Free', occupied: 'Occupied', reserved: 'Reserved', cleaning: 'Cleaning', closed: 'Closed',
    types: { GENERAL: 'General', PICU: 'PICU', NICU_I: 'NICU level I', NICU_II: 'NICU level II', NICU_III: 'NICU level III', ISOLATION: 'Isolation' },
    states: { FREE: 'Free', OCCUPIED: 'Occupied', RESERVED: 'Reserved', CLEANING: 'Cleaning', CLOSED: 'Closed' },
    outcomes: { CURED: 'Cured', IMPROVED: 'Improved', TRANSFERRED: 'Transferred', AGAINST_ADVICE: 'Left against advice', DIED: 'Died' },
    bands: { LT28: '<28 wk', W28_31: '28–31 wk', W32_36: '32–36 wk', GE37: '≥37 wk', UNKNOWN: 'GA unknown' },
    allTypes: 'All types', allDivisions: 'All divisions', filter: 'Filter',
    reserve: 'Reserve bed', reserveFor: 'Reserve for', byReferral: 'Transfer request', byChild: 'Child', expiresAt: 'Held until', child: 'Child', referral: 'Referral',
    admit: 'Admit', arrive: 'Arrival', directAdmit: 'Direct admission', admittedAt: 'Admitted', diagnoses: 'ICD-10 diagnoses', diagnosesHint: 'e.g. P07.3, P22.0 (comma separated)',
    transfer: 'Move ward/bed', targetBed: 'Target bed', reason: 'Reason', discharge: 'Discharge', dischargedAt: 'Discharged', outcome: 'Outcome', summary: 'Discharge summary',
    followUpInstitution: 'Followed by', followUpPlan: 'Follow-up plan', los: 'Length of stay', days: 'days', cancel: 'Cancel reservation', cleaned: 'Cleaning done', close: 'Close bed', reopen: 'Reopen',
    requestBed: 'Request a NICU/PICU bed', requestHint: "Sent as an emergency referral to the receiving hospital's on-call inbox; a foreign national goes to the hospital designated for foreign nationals.",
    gaDays: 'GA at birth (days)', gaWeeks: 'GA at birth', birthWeight: 'Birth weight (g)', interpreter: 'Interpreter needed', language: 'Language', toInstitution: 'Receiving hospital',
    toDefault: 'Default: the critical newborn care centre', foreign: 'Foreign national', from: 'From', requestedAt: 'Requested', referralState: 'Referral', incoming: 'Received', outgoing: 'Sent by us',
    openOnly: 'Open only', occupancyByDay: 'Occupancy by ward and day (midnight census)', meanOccupancy: 'Mean occupancy', byReferrer: 'NICU admissions by referring institution and GA at birth',
    arrivals: 'Request to arrival', median: 'Median', p90: '90th percentile', withinTarget: 'Arrived within 2 h', outcomesByGa: 'NICU outcomes and mortality by GA at birth',
    discharged: 'Discharged', died: 'Died', mortality: 'Mortality', meanLos: 'Mean length of stay', minutes: 'min', from2: 'From', to2: 'to', hospitalStays: 'Hospital stays',
    selectChild: 'Search by name or document number', passport: 'Passport', interpreterNeeded: 'Interpreter', stays: 'Wards', freeNeonatal: 'Free NICU beds', freePicu: 'Free PICU beds',
    foreignCare: 'Foreign nationals', viewBoard: 'View', noBeds: 'No beds', none: 'None'
  }
}

export default { 'zh-CN': zh, en }
