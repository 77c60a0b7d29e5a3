/** Texts of the maternal module's delivery, postpartum and PMTCT forms (zh-CN first, en); found by i18n/index.ts. */
const zh = {
  maternalCases: { OPEN: '管理中', CLOSED: '已结案' },
  pregnancy: { kinds: { HBV_ANTIVIRAL: '乙肝孕妇抗病毒' } },
  clinical: {
    delivery: '分娩', recordDelivery: '登记分娩', deliveredAt: '分娩时间', mode: '分娩方式', VAGINAL: '阴道分娩', ASSISTED: '助产', CAESAREAN: '剖宫产',
    caesareanIndication: '剖宫产指征', attendant: '接生者', bloodLossMl: '出血量 (ml)', maternalCondition: '产妇情况', GOOD: '良好', CRITICAL: '危重', DIED: '死亡',
    dischargedOn: '出院日期', rapidTests: '产时快速检测（孕期未检测者）', hivRapidTest: 'HIV快速检测', syphilisRapidTest: '梅毒快速检测', hbsagRapidTest: 'HBsAg快速检测',
    babies: '新生儿', addBaby: '增加新生儿', baby: '新生儿{n}', sex: '性别', F: '女', M: '男', U: '未明', weightG: '出生体重 (g)', lengthCm: '身长 (cm)',
    headCm: '头围 (cm)', apgar1: 'Apgar 1分钟', apgar5: 'Apgar 5分钟', liveBorn: '活产', nicuTransfer: '转NICU', anomalies: '出生缺陷', givenName: '名字',
    implausibleReason: '确认理由（体重与孕周不相符时必填）', childRecord: '儿童档案', outcome: '妊娠结局',
    postpartum: '产后访视', recordPostpartum: '登记产后访视', kind: '访视类型', HOME_VISIT: '产后家庭访视', DAY_42: '产后42天检查', visitDate: '访视日期',
    findings: '检查所见', tests: '产后检测',
    pmtct: '预防母婴传播', infection: '感染', HIV: '艾滋病', SYPHILIS: '梅毒', HBV: '乙肝', foundOn: '发现日期', stage: '发现时期',
    PREGNANCY: '孕期', LABOUR: '产时', POSTPARTUM: '产后', treatment: '孕产妇治疗', maternalArtStart: '抗病毒治疗开始', viralLoad: '孕晚期病毒载量 (copies/ml)',
    hbvDna: 'HBV DNA (IU/ml)', hbeag: 'HBeAg阳性', antiviralStart: '抗乙肝病毒治疗开始', treatmentNote: '治疗记录', saveTreatment: '保存治疗',
    antiviral: '孕28–32周抗病毒', antiviralIndicated: '需抗病毒（{from} 至 {until}）', antiviralNot: '暂无抗病毒指征',
    infant: '暴露婴儿', infantSchedule: '婴儿随访计划', item: '项目', dueFrom: '开始', dueUntil: '截止', status: '状态',
    DONE: '已完成', DUE: '应做', OVERDUE: '逾期', UPCOMING: '未到期', CLOSED: '已结案', FOLLOWING: '随访中', EXITED: '已结案',
    recordResult: '登记结果', doneAt: '完成时间', finding: '结果', POSITIVE: '阳性', NEGATIVE: '阴性', antiHbs: '抗-HBs (mIU/mL)', resultNote: '备注',
    exit: '结案', exitByHand: '失访/死亡结案', LOST_TO_FOLLOW_UP: '失访', INFECTED: '已感染', NOT_INFECTED: '排除感染',
    PROTECTED: '免疫成功', NON_RESPONDER: '免疫无应答（需复种）', exitOn: '日期', exitReason: '说明',
    newInstitution: '新建机构', dedicatedCase: '高危专案', caseOpen: '管理中', caseClosed: '已结案', plan: '个案管理计划', planDefaults: '按颜色最低要求：每{days}天随访，{level}级及以上机构分娩', visitEveryDays: '随访间隔（天）', deliveryLevel: '分娩机构级别', consultations: '会诊', testsOrdered: '检查', agreedWith: '共同制定机构', notes: '记录', followUps: '随访、转诊与审核', FOLLOW_UP: '随访', TRANSFER: '转诊', REVIEW: '辖区审核', openCase: '查看专案', redate: '超声核对孕周', usDate: '超声日期', crlMm: '头臀长 CRL (mm)', usGaDays: '超声孕周（天）', usGaWeeks: '超声孕周', saveRedate: '核对并保存'
  }
}
const en = {
  maternalCases: { OPEN: 'Open', CLOSED: 'Closed' },
  pregnancy: { kinds: { HBV_ANTIVIRAL: 'HBV antiviral (mother)' } },
  clinical: {
    delivery: 'Delivery', recordDelivery: 'Record delivery', deliveredAt: 'Delivered at', mode: 'Mode', VAGINAL: 'Vaginal', ASSISTED: 'Assisted', CAESAREAN: 'Caesarean',
    caesareanIndication: 'Caesarean indication', attendant: 'Attendant', bloodLossMl: 'Blood loss (ml)', maternalCondition: 'Mother', GOOD: 'Good', CRITICAL: 'Critical', DIED: 'Died',
    dischargedOn: 'Discharged on', rapidTests: 'Rapid tests at delivery (if never tested)', hivRapidTest: 'HIV rapid test', syphilisRapidTest: 'Syphilis rapid test', hbsagRapidTest: 'HBsAg rapid test',
    babies: 'Babies', addBaby: 'Add a baby', baby: 'Baby {n}', sex: 'Sex', F: 'Girl', M: 'Boy', U: 'Undetermined', weightG: 'Birth weight (g)', lengthCm: 'Length (cm)',
    headCm: 'Head (cm)', apgar1: 'Apgar 1 min', apgar5: 'Apgar 5 min', liveBorn: 'Live born', nicuTransfer: 'To NICU', anomalies: 'Birth defects', givenName: 'Given name',
    implausibleReason: 'Reason (needed when weight and gestation disagree)', childRecord: 'Child record', outcome: 'Outcome',
    postpartum: 'Postpartum visits', recordPostpartum: 'Record postpartum visit', kind: 'Kind', HOME_VISIT: 'Home visit', DAY_42: '42-day check', visitDate: 'Visit date',
    findings: 'Findings', tests: 'Tests after delivery',
    pmtct: 'PMTCT', infection: 'Infection', HIV: 'HIV', SYPHILIS: 'Syphilis', HBV: 'Hepatitis B', foundOn: 'Found on', stage: 'Found at',
    PREGNANCY: 'pregnancy', LABOUR: 'labour', POSTPARTUM: 'postpartum', treatment: "Mother's treatment", maternalArtStart: 'ART started', viralLoad: 'Late viral load (copies/ml)',
    hbvDna: 'HBV DNA (IU/ml)', hbeag: 'HBeAg positive', antiviralStart: 'HBV antiviral started', treatmentNote: 'Treatment notes', saveTreatment: 'Save treatment',
    antiviral: 'Antiviral at 28–32 weeks', antiviralIndicated: 'Antiviral indicated ({from} to {until})', antiviralNot: 'No antiviral indication yet',
    infant: 'Exposed infant', infantSchedule: "Infant's follow-up", item: 'Item', dueFrom: 'From', dueUntil: 'Until', status: 'Status',
    DONE: 'Done', DUE: 'Due', OVERDUE: 'Overdue', UPCOMING: 'Upcoming', CLOSED: 'Closed', FOLLOWING: 'Following', EXITED: 'Exited',
    recordResult: 'Record result', doneAt: 'Done at', finding: 'Result', POSITIVE: 'Positive', NEGATIVE: 'Negative', antiHbs: 'Anti-HBs (mIU/mL)', resultNote: 'Note',
    exit: 'Exit', exitByHand: 'Lost / died', LOST_TO_FOLLOW_UP: 'Lost to follow-up', INFECTED: 'Infected', NOT_INFECTED: 'Not infected',
    PROTECTED: 'Protected', NON_RESPONDER: 'Non-responder (revaccinate)', exitOn: 'Date', exitReason: 'Reason',
    newInstitution: 'New institution', dedicatedCase: 'Dedicated case', caseOpen: 'Open', caseClosed: 'Closed', plan: 'Individual management plan', planDefaults: 'minimum for her colour: visit every {days} days, deliver at level {level}+', visitEveryDays: 'Visit every (days)', deliveryLevel: 'Deliver at level', consultations: 'Consultations', testsOrdered: 'Tests ordered', agreedWith: 'Agreed with', notes: 'Notes', followUps: 'Follow-ups, transfers, reviews', FOLLOW_UP: 'Follow-up', TRANSFER: 'Transfer', REVIEW: 'District review', openCase: 'Open case', redate: 'Date by ultrasound', usDate: 'Scan date', crlMm: 'CRL (mm)', usGaDays: 'Ultrasound GA (days)', usGaWeeks: 'Ultrasound GA', saveRedate: 'Date and save'
  }
}
export default { 'zh-CN': zh, en }
