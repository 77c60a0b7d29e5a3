// Health-education library (issue 12 §2): the staff desk.
export default {
  'zh-CN': {
    education: {
      nav: '健康教育', title: '健康教育资料库', search: '搜索标题或摘要', topic: '主题', kind: '类型', status: '状态', week: '孕周', ageMonths: '月龄',
      new: '新建', edit: '编辑', publish: '发布', withdraw: '撤下', assign: '推送给孕产妇', view: '查看', save: '保存', cancel: '取消',
      kinds: { ARTICLE: '文章', HANDBOOK: '手册（PDF）', VIDEO: '视频链接' },
      statuses: { DRAFT: '草稿', PUBLISHED: '已发布', WITHDRAWN: '已撤下' },
      topics: {
        ANTENATAL_CARE: '产前保健', NUTRITION: '营养', DANGER_SIGNS: '危险信号', BIRTH_DEFECTS: '出生缺陷防治', PMTCT: '母婴阻断', CHILDBIRTH: '分娩',
        POSTPARTUM: '产后康复', BREASTFEEDING: '母乳喂养', NEWBORN_CARE: '新生儿护理', GROWTH_DEVELOPMENT: '生长发育', IMMUNIZATION: '预防接种',
        SAFETY: '安全防护', MENTAL_HEALTH: '心理健康'
      },
      languages: { 'zh-CN': '中文', en: '英文' },
      fields: { title: '标题', summary: '摘要', markdown: '正文（Markdown）', videoUrl: '视频链接（https://）', language: '语言', topics: '主题', weeks: '适用孕周', ages: '适用月龄（0–36）', file: 'PDF文件' },
      weeks: '孕 {from}–{to} 周', ages: '{from}–{to} 月龄', upload: '上传PDF', uploaded: '已上传：{name}', editorsOnly: '只有省妇幼编辑人员可以新建、编辑和发布资料。',
      person: '孕产妇（姓名或证件号）', note: '给她的留言', assigned: '已推送给 {name}', saved: '已保存', published: '已发布', withdrawn: '已撤下', empty: '没有资料'
    }
  },
  en: {
    education: {
      nav: 'Health education', title: 'Health-education library', search: 'Search title or summary', topic: 'Topic', kind: 'Kind', status: 'Status', week: 'Week', ageMonths: 'Age (months)',
      new: 'New', edit: 'Edit', publish: 'Publish', withdraw: 'Withdraw', assign: 'Give to a woman', view: 'View', save: 'Save', cancel: 'Cancel',
      kinds: { ARTICLE: 'Article', HANDBOOK: 'Handbook (PDF)', VIDEO: 'Video link' },
      statuses: { DRAFT: 'Draft', PUBLISHED: 'Published', WITHDRAWN: 'Withdrawn' },
      topics: {
        ANTENATAL_CARE: 'Antenatal care', NUTRITION: 'Nutrition', DANGER_SIGNS: 'Danger signs', BIRTH_DEFECTS: 'Birth defects', PMTCT: 'PMTCT', CHILDBIRTH: 'Childbirth',
        POSTPARTUM: 'Postpartum', BREASTFEEDING: 'Breastfeeding', NEWBORN_CARE: 'Newborn care', GROWTH_DEVELOPMENT: 'Growth and development', IMMUNIZATION: 'Immunization',
        SAFETY: 'Safety', MENTAL_HEALTH: 'Mental health'
      },
      languages: { 'zh-CN': 'Chinese', en: 'English' },
      fields: { title: 'Title', summary: 'Summary', markdown: 'Text (Markdown)', videoUrl: 'Video link (https://)', language: 'Language', topics: 'Topics', weeks: 'Gestational weeks', ages: 'Child age in months (0–36)', file: 'PDF file' },
      weeks: 'weeks {from}–{to}', ages: '{from}–{to} months', upload: 'Upload PDF', uploaded: 'Uploaded: {name}', editorsOnly: "Only the provincial centre's editors create, edit and publish items.",
      person: 'Woman (name or ID number)', note: 'Note for her', assigned: 'Given to {name}', saved: 'Saved', published: 'Published', withdrawn: 'Withdrawn', empty: 'No items'
    }
  }
}
