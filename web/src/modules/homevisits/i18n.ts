// Offline home visits (issue 12 §3): the community doctor's phone page (in the /m/ app).
export default {
  'zh-CN': {
    homevisits: {
      title: '今日家庭访视', signIn: '医生登录', username: '用户名', password: '密码', login: '登录', loaded: '列表更新于 {time}',
      refresh: '刷新列表', empty: '今天没有要做的家庭访视。', offlineList: '离线：显示手机上保存的列表，记录会在联网后自动上传。',
      postpartum: '产后访视', newborn: '新生儿访视', dueUntil: '请在 {date} 前完成', mother: '母亲：{name}',
      record: '记录访视', edit: '修改', save: '保存', cancel: '收起', visitDate: '访视日期', findings: '检查所见', systolic: '收缩压 (mmHg)',
      diastolic: '舒张压 (mmHg)', weightKg: '体重 (kg)', feeding: '喂养方式',
      feedingOptions: { EXCLUSIVE_BREASTFEEDING: '纯母乳喂养', MIXED: '混合喂养', FORMULA: '人工喂养' },
      state: { CLEAN: '', PENDING: '待上传', SYNCED: '已上传', CONFLICT: '有冲突' }, status: { DUE: '待访视', OVERDUE: '已过期', DONE: '已完成' },
      conflictTitle: '这次访视在您离线期间已被他人记录或修改', yours: '您在手机上记录的', theirs: '服务器上现在的（{who}）',
      keepMine: '用我的记录覆盖', takeTheirs: '放弃我的，采用服务器的', error: '未能上传：{message}', pending: '{n} 条记录待上传',
      syncNow: '立即上传', signedInAs: '{name} · {institution}'
    }
  },
  en: {
    homevisits: {
      title: "Today's home visits", signIn: 'Doctor sign-in', username: 'Username', password: 'Password', login: 'Sign in', loaded: 'List updated {time}',
      refresh: 'Refresh', empty: 'No home visits today.', offlineList: 'Offline: showing the list kept on this phone; visits upload when the network returns.',
      postpartum: 'Postpartum visit', newborn: 'Newborn visit', dueUntil: 'Due by {date}', mother: 'Mother: {name}',
      record: 'Record visit', edit: 'Edit', save: 'Save', cancel: 'Close', visitDate: 'Visit date', findings: 'Findings', systolic: 'Systolic (mmHg)',
      diastolic: 'Diastolic (mmHg)', weightKg: 'Weight (kg)', feeding: 'Feeding',
      feedingOptions: { EXCLUSIVE_BREASTFEEDING: 'Exclusive breastfeeding', MIXED: 'Mixed', FORMULA: 'Formula' },
      state: { CLEAN: '', PENDING: 'Waiting to upload', SYNCED: 'Uploaded', CONFLICT: 'Conflict' }, status: { DUE: 'Due', OVERDUE: 'Overdue', DONE: 'Done' },
      conflictTitle: 'Someone recorded or changed this visit while you were offline', yours: 'What you typed', theirs: 'On the server now ({who})',
      keepMine: 'Keep mine (overwrite)', takeTheirs: 'Drop mine, take the server version', error: 'Not uploaded: {message}', pending: '{n} visits waiting to upload',
      syncNow: 'Upload now', signedInAs: '{name} · {institution}'
    }
  }
}
