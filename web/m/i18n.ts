import { createI18n } from 'vue-i18n'
import homevisits from '../src/modules/homevisits/i18n'

// The mother's app speaks to mothers: short, calm sentences; zh-CN first.
const zh = {
  app: { title: '妇幼健康', mine: '我的', education: '健康知识', inbox: '消息', logout: '退出', lang: 'English', offline: '当前没有网络', loading: '正在加载…', retry: '重试', back: '返回' },
  auth: {
    activateTitle: '开通我的账号', activateHint: '请输入身份证号和建档时医生给您的激活码（打印在建档单上，也可以扫二维码），然后设置您自己的密码。',
    idNumber: '身份证号', code: '激活码', password: '设置密码', passwordHint: '至少8位，包含字母和数字', password2: '再输一次密码', mismatch: '两次输入的密码不一样',
    activate: '开通并登录', loginTitle: '登录', loginPassword: '密码', login: '登录', toActivate: '第一次使用？用激活码开通', toLogin: '已经开通？直接登录',
    doctor: '我是社区医生（家庭访视）'
  },
  home: {
    hello: '{name}，您好', week: '孕 {weeks} 周 {days} 天', edd: '预产期 {date}', daysToEdd: '距离预产期还有 {n} 天',
    nextVisit: '下一次产检', window: '{from} 至 {until}', dueNow: '现在就该去了', upcoming: '还没到时间', appointment: '医生约您 {date} 复诊',
    checks: '这次主要检查', overdue: '已过期的检查', overdueHint: '这些检查已经过了时间，请尽快联系医生补做。', noPregnancy: '目前没有正在进行的孕期记录。',
    results: '我的检查结果', noResults: '还没有检查结果。', risk: '我的风险颜色', delivered: '已于 {date} 分娩', postpartum: '产后检查',
    children: '我的孩子', childAge: '{months} 个月', childNext: '下次体检：{label}', childOverdue: '有 {n} 次体检已过期', educationForWeek: '适合孕 {weeks} 周的健康知识',
    more: '更多健康知识', unread: '{n} 条新消息'
  },
  visitChecks: {
    '1': '建档，量血压、体重，查血常规、尿常规、血型、肝肾功能，查艾滋病、梅毒、乙肝，做早孕期超声。',
    '2': '量血压、体重、宫高，听胎心；做唐氏筛查或无创DNA等产前筛查。',
    '3': '量血压、体重、宫高，听胎心；做系统超声（大排畸），约糖耐量检查（孕24～28周）。',
    '4': '量血压、体重、宫高，听胎心、看胎位，复查血常规、尿常规；学习数胎动。',
    '5': '量血压、看胎位、听胎心（胎心监护），评估分娩方式，商量在哪里分娩。',
    HOME_VISIT: '社区医生上门：量血压，看子宫恢复和伤口，指导母乳喂养，看看宝宝。',
    DAY_42: '产后42天回医院检查：看身体恢复，商量避孕。'
  },
  status: { DONE: '已完成', UPCOMING: '未到时间', DUE: '该做了', OVERDUE: '已过期' },
  results: {
    BLOOD_PRESSURE: { name: '血压', NORMAL: '血压正常。', ATTENTION: '血压偏高。请按医生的安排复查血压，如有头痛、眼花请马上就医。' },
    HEMOGLOBIN: { name: '血红蛋白', NORMAL: '没有贫血。', ATTENTION: '有一点贫血。按医生说的吃铁剂，多吃瘦肉、动物血和深绿色蔬菜。' },
    URINE_PROTEIN: { name: '尿蛋白', NORMAL: '尿蛋白阴性，正常。', ATTENTION: '尿蛋白需要注意，请按医生安排复查。' },
    GLUCOSE: { name: '血糖', NORMAL: '血糖正常。', ATTENTION: '血糖偏高。医生会教您调整饮食和运动，请按时复查。' },
    WEIGHT: { name: '体重', NORMAL: '已记录。', ATTENTION: '已记录。' },
    HIV: { name: '艾滋病检测', NORMAL: '阴性（未感染）。', ATTENTION: '请按医生的安排治疗和随访，母婴阻断非常有效。' },
    SYPHILIS: { name: '梅毒检测', NORMAL: '阴性（未感染）。', ATTENTION: '请按医生的安排治疗和随访，母婴阻断非常有效。' },
    HBSAG: { name: '乙肝表面抗原', NORMAL: '阴性。', ATTENTION: '宝宝出生后12小时内要打乙肝疫苗和免疫球蛋白，医生会安排。' }
  },
  colour: {
    none: '医生还没有为您做风险评估。',
    GREEN: { name: '绿色', text: '目前情况良好。按时产检就好。' },
    YELLOW: { name: '黄色', text: '有一些需要多留意的情况，这很常见。医生会多关注您。' },
    ORANGE: { name: '橙色', text: '有需要医生重点管理的情况。医生会为您制定个人的检查和分娩计划，请按计划来。' },
    RED: { name: '红色', text: '需要在有经验的大医院密切管理。医生会和您详细商量下一步，请保持电话畅通。' },
    purple: '您需要母婴阻断服务。请在有能力的医院产检和分娩，按时用药，宝宝会得到保护。',
    where: { '1': '可以在就近有助产资质的医院分娩。', '2': '建议在二级及以上医院产检和分娩。', '3': '建议在三级医院产检和分娩。' },
    careOk: '您现在产检的{name}可以照顾您。', careMove: '您现在产检的{name}级别不够，请和医生商量转到合适的医院。',
    calm: '风险颜色不是诊断，而是为了让您在合适的地方得到合适的照顾，颜色会随检查结果变化。'
  },
  child: {
    visits: '体检安排', growth: '生长曲线（体重）', noGrowth: '还没有测量记录。', legend: '中间的粗线是同龄孩子的平均水平，两条细线之间是正常范围。',
    weight: '体重 {kg} 公斤（{date}）', meaning: {
      normal: '宝宝的体重在正常范围内。', UNDERWEIGHT: '宝宝的体重偏轻，请按医生的建议调整喂养并按时复查。', STUNTING: '宝宝的身长偏矮，请按时体检，医生会给您建议。',
      SEVERE_STUNTING: '宝宝的身长明显偏矮，请尽快带宝宝看医生。', WASTING: '宝宝偏瘦，请按医生的建议调整喂养。', SEVERE_WASTING: '宝宝明显偏瘦，请尽快带宝宝看医生。',
      OVERWEIGHT: '宝宝有点超重，注意均衡喂养。', OBESITY: '宝宝体重过重，请和医生商量喂养。'
    }
  },
  edu: {
    title: '健康知识', forWeek: '适合孕 {weeks} 周', forChild: '适合{name}（{months} 个月）', assigned: '医生推荐给您', none: '暂时没有。',
    kind: { ARTICLE: '文章', HANDBOOK: '手册', VIDEO: '视频' }, open: '打开', watch: '观看视频', download: '查看手册（PDF）'
  },
  inbox: {
    title: '消息', empty: '没有消息。', kind: {
      ANTENATAL_DUE: '产检提醒', ANTENATAL_OVERDUE: '产检已过期', POSTPARTUM_DUE: '产后检查提醒', CHILD_VISIT_DUE: '宝宝体检提醒', CHILD_VISIT_OVERDUE: '宝宝体检已过期', EDUCATION: '健康知识'
    }, due: '请在 {date} 前完成'
  },
  errors: { offline: '没有网络，请稍后再试。', generic: '出错了，请稍后再试。' }
}

const en = {
  app: { title: 'Mother & child health', mine: 'Me', education: 'Learn', inbox: 'Messages', logout: 'Sign out', lang: '中文', offline: 'No network', loading: 'Loading…', retry: 'Retry', back: 'Back' },
  auth: {
    activateTitle: 'Activate my account', activateHint: 'Enter your ID number and the activation code your clinic gave you at registration (printed on your registration sheet, or scan its QR code), then choose your password.',
    idNumber: 'ID number', code: 'Activation code', password: 'Choose a password', passwordHint: 'At least 8 characters, letters and digits', password2: 'Repeat the password', mismatch: 'The two passwords differ',
    activate: 'Activate and sign in', loginTitle: 'Sign in', loginPassword: 'Password', login: 'Sign in', toActivate: 'First time? Activate with your code', toLogin: 'Already activated? Sign in',
    doctor: 'I am a community doctor (home visits)'
  },
  home: {
    hello: 'Hello, {name}', week: '{weeks} weeks {days} days pregnant', edd: 'Due date {date}', daysToEdd: '{n} days to your due date',
    nextVisit: 'Next antenatal visit', window: '{from} to {until}', dueNow: 'Due now', upcoming: 'Not yet due', appointment: 'Your doctor expects you on {date}',
    checks: 'What this visit checks', overdue: 'Overdue checks', overdueHint: 'These checks are past their time: please contact your clinic soon.', noPregnancy: 'No current pregnancy record.',
    results: 'My results', noResults: 'No results yet.', risk: 'My risk colour', delivered: 'Delivered on {date}', postpartum: 'Postpartum checks',
    children: 'My children', childAge: '{months} months', childNext: 'Next check: {label}', childOverdue: '{n} checks overdue', educationForWeek: 'Reading for week {weeks}',
    more: 'More to read', unread: '{n} new messages'
  },
  visitChecks: {
    '1': 'Registration; blood pressure, weight, blood and urine tests, blood group, liver and kidney tests, HIV, syphilis and hepatitis B tests, early scan.',
    '2': 'Blood pressure, weight, fundal height, baby\'s heartbeat; prenatal screening (Down syndrome screening or NIPT).',
    '3': 'Blood pressure, weight, fundal height, heartbeat; the detailed anomaly scan; book the glucose test (24–28 weeks).',
    '4': 'Blood pressure, weight, fundal height, heartbeat and position, blood and urine tests; learn to count kicks.',
    '5': 'Blood pressure, baby\'s position and heartbeat (monitoring), how and where you will give birth.',
    HOME_VISIT: 'Your community doctor visits you at home: blood pressure, recovery, breastfeeding, and the baby.',
    DAY_42: 'The 42-day check at the hospital: your recovery and contraception.'
  },
  status: { DONE: 'Done', UPCOMING: 'Not yet', DUE: 'Due', OVERDUE: 'Overdue' },
  results: {
    BLOOD_PRESSURE: { name: 'Blood pressure', NORMAL: 'Normal.', ATTENTION: 'A little high. Have it checked again as your doctor says; with headache or blurred vision see a doctor at once.' },
    HEMOGLOBIN: { name: 'Haemoglobin', NORMAL: 'No anaemia.', ATTENTION: 'Mild anaemia. Take the iron your doctor prescribed; eat lean meat and dark green vegetables.' },
    URINE_PROTEIN: { name: 'Urine protein', NORMAL: 'Negative, normal.', ATTENTION: 'Needs a re-check, as your doctor plans.' },
    GLUCOSE: { name: 'Blood sugar', NORMAL: 'Normal.', ATTENTION: 'A little high. Your doctor will help with diet and exercise.' },
    WEIGHT: { name: 'Weight', NORMAL: 'Recorded.', ATTENTION: 'Recorded.' },
    HIV: { name: 'HIV test', NORMAL: 'Negative.', ATTENTION: 'Follow your doctor\'s treatment plan: protecting the baby works very well.' },
    SYPHILIS: { name: 'Syphilis test', NORMAL: 'Negative.', ATTENTION: 'Follow your doctor\'s treatment plan: protecting the baby works very well.' },
    HBSAG: { name: 'Hepatitis B', NORMAL: 'Negative.', ATTENTION: 'Your baby gets the hepatitis B vaccine and immunoglobulin within 12 hours of birth.' }
  },
  colour: {
    none: 'Your doctor has not graded your risk yet.',
    GREEN: { name: 'Green', text: 'All is well so far. Keep to your visits.' },
    YELLOW: { name: 'Yellow', text: 'Something to keep an eye on — this is common. Your doctor will follow you more closely.' },
    ORANGE: { name: 'Orange', text: 'Something your doctor manages closely: you will get your own plan for checks and birth.' },
    RED: { name: 'Red', text: 'You need close care at an experienced hospital. Your doctor will talk through next steps with you.' },
    purple: 'You receive care to protect your baby from infection: keep to your medicine and deliver at a hospital that provides it.',
    where: { '1': 'You can give birth at a nearby hospital with a delivery service.', '2': 'Care and birth at a level-2 or higher hospital are advised.', '3': 'Care and birth at a level-3 hospital are advised.' },
    careOk: '{name}, where you have your checks, can look after you.', careMove: '{name}, where you have your checks, is below that level: talk to your doctor about moving.',
    calm: 'The colour is not a diagnosis: it makes sure you get the right care in the right place, and it can change with your results.'
  },
  child: {
    visits: 'Check-ups', growth: 'Growth chart (weight)', noGrowth: 'No measurements yet.', legend: 'The thick line is the average for the age; between the thin lines is the normal range.',
    weight: 'Weight {kg} kg ({date})', meaning: {
      normal: 'Your baby\'s weight is in the normal range.', UNDERWEIGHT: 'Your baby is a little light: follow your doctor\'s feeding advice.', STUNTING: 'Your baby is a little short for the age: keep to the check-ups.',
      SEVERE_STUNTING: 'Your baby is short for the age: please see a doctor soon.', WASTING: 'Your baby is thin: follow your doctor\'s feeding advice.', SEVERE_WASTING: 'Your baby is very thin: please see a doctor soon.',
      OVERWEIGHT: 'Your baby is a little heavy: keep meals balanced.', OBESITY: 'Your baby is heavy for the length: talk to your doctor about feeding.'
    }
  },
  edu: {
    title: 'Learn', forWeek: 'For week {weeks}', forChild: 'For {name} ({months} months)', assigned: 'From your doctor', none: 'Nothing yet.',
    kind: { ARTICLE: 'Article', HANDBOOK: 'Handbook', VIDEO: 'Video' }, open: 'Open', watch: 'Watch the video', download: 'Open the handbook (PDF)'
  },
  inbox: {
    title: 'Messages', empty: 'No messages.', kind: {
      ANTENATAL_DUE: 'Visit reminder', ANTENATAL_OVERDUE: 'Visit overdue', POSTPARTUM_DUE: 'Postpartum check', CHILD_VISIT_DUE: 'Baby check-up', CHILD_VISIT_OVERDUE: 'Baby check-up overdue', EDUCATION: 'Reading'
    }, due: 'By {date}'
  },
  errors: { offline: 'No network: try again later.', generic: 'Something went wrong: try again later.' }
}

const saved = localStorage.getItem('fuyou.lang')
export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': { ...zh, ...homevisits['zh-CN'] }, en: { ...en, ...homevisits.en } }
})
