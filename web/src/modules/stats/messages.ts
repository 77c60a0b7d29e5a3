/** Statistics pages' texts (merged into the app's messages under `stats`). */
export const statsZh = {
  nav: '统计分析', annualNav: '年报表', title: '妇幼健康统计', subtitle: '国家妇幼卫生指标 · 按地区、机构、时期实时统计，每个数字可追溯到记录',
  area: '地区', period: '时期', month: '月', quarter: '季度', year: '日历年', statYear: '统计年度', statYearHint: '上年10月1日—当年9月30日',
  institution: '机构', ownInstitution: '本机构', indicator: '地图指标', edition: '指标版本', numerator: '分子', denominator: '分母', value: '值',
  map: '各区县分布', trend: '近12个月趋势', mix: '产妇风险颜色构成', funnel: '孕产期保健服务链', league: '机构排名', records: '记录明细',
  recordsOf: '{name}：{part}', person: '姓名', date: '日期', colour: '颜色', source: '来源', noData: '该时期暂无数据', none: '—',
  noColour: '未评估', byDistrict: '区县明细', clickHint: '点击数字查看对应记录', annual: '年报表', maternalTable: '孕产妇保健和健康情况年报表',
  childTable: '7岁以下儿童保健和健康情况年报表', download: '下载Excel', total: '合计', groups: { maternal: '孕产期保健', child: '儿童保健', quality: '产科质量控制', critical: '危重孕产妇', art: '辅助生殖', defects: '出生缺陷', other: '其他' },
  quality: '数据质量', qualityHint: '各机构缺项、不合理值、逾期录入（检查日期后超过7天录入），问题多者在前；点击数字查看并修改记录',
  problemShare: '问题比例', contacts: '产前检查', deliveries: '分娩', deliveriesMissing: '分娩缺项', enteredOn: '录入日期',
  problem: { missing: '缺项', implausible: '不合理值', late: '逾期录入' },
  quarterN: '第{n}季度', rank: '名次', ownInstitutionTitle: '本机构统计', allFigures: '全部指标 →', leagueMin: '分母不少于{n}的机构参与排名，其余列在后面、不排名', kindMaternal: '孕产妇保健', kindChild: '儿童保健', areaUnit: '统计单元', openRecord: '打开档案'
}
export const statsEn = {
  nav: 'Statistics', annualNav: 'Annual report', title: 'MCH statistics', subtitle: 'National MCH indicators by area, institution and period — live; every number traces to its records',
  area: 'Area', period: 'Period', month: 'Month', quarter: 'Quarter', year: 'Calendar year', statYear: 'Statistical year', statYearHint: '1 Oct of the previous year – 30 Sep',
  institution: 'Institution', ownInstitution: 'Own institution', indicator: 'Map indicator', edition: 'Catalogue edition', numerator: 'Numerator', denominator: 'Denominator', value: 'Value',
  map: 'By district', trend: 'Last 12 months', mix: 'Women delivered by risk colour', funnel: 'Care funnel', league: 'Institution league table', records: 'Records',
  recordsOf: '{name}: {part}', person: 'Name', date: 'Date', colour: 'Colour', source: 'Source', noData: 'No data in this period', none: '—',
  noColour: 'Not graded', byDistrict: 'Districts', clickHint: 'Click a number to see its records', annual: 'Annual report', maternalTable: 'Maternal health annual table',
  childTable: 'Under-7 child health annual table', download: 'Download Excel', total: 'Total', groups: { maternal: 'Maternal care', child: 'Child health', quality: 'Obstetric quality', critical: 'Critical maternal care', art: 'ART', defects: 'Birth defects', other: 'Other' },
  quality: 'Data quality', qualityHint: 'Per institution: missing required fields, implausible values, late entries (contact entered > 7 days after its date), worst first; click a number to open and fix the records',
  problemShare: 'Problem share', contacts: 'Antenatal contacts', deliveries: 'Deliveries', deliveriesMissing: 'Deliveries incomplete', enteredOn: 'Entered on',
  problem: { missing: 'Missing fields', implausible: 'Implausible', late: 'Late entry' },
  quarterN: 'Q{n}', rank: 'Rank', ownInstitutionTitle: 'My institution\'s figures', allFigures: 'All indicators →', leagueMin: 'Institutions with a denominator of at least {n} are ranked; the others follow, unranked', kindMaternal: 'Maternal health', kindChild: 'Child health', areaUnit: 'Unit', openRecord: 'Open record'
}
