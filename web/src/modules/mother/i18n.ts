// Staff side of the mother's app (issue 12): the activation code printed at registration.
export default {
  'zh-CN': {
    motherApp: {
      title: '孕产妇手机App', activated: '已开通（{date}）', notActivated: '尚未开通', codeIssued: '已发放激活码，{date} 前有效',
      issue: '发放并打印激活码', reissue: '重新发放激活码', code: '激活码', scan: '用手机扫描二维码，输入身份证号和激活码，设置密码即可开通。',
      print: '打印', printTitle: '孕产妇手机App开通', printFor: '{name}（证件号尾号 {tail}）', oneTime: '激活码只显示一次；重新发放后旧的激活码失效。',
      validUntil: '有效期至 {date}'
    }
  },
  en: {
    motherApp: {
      title: "Mother's app", activated: 'Activated ({date})', notActivated: 'Not activated', codeIssued: 'Code issued, valid until {date}',
      issue: 'Issue and print an activation code', reissue: 'Issue a new code', code: 'Activation code', scan: 'Scan the QR code with the phone, enter the ID number and the code, and choose a password.',
      print: 'Print', printTitle: "Mother's app activation", printFor: '{name} (ID ending {tail})', oneTime: 'The code is shown once; a new code replaces the old one.',
      validUntil: 'Valid until {date}'
    }
  }
}
