/** Texts of the network module's widgets (zh-CN first, en), merged into `network`; found by i18n/index.ts. */
export default {
  'zh-CN': { network: { attachments: '附件', attachmentHint: '可上传PDF、PNG、JPEG，每个不超过10 MB，最多5个' } },
  en: { network: { attachments: 'Attachments', attachmentHint: 'PDF, PNG or JPEG, up to 10 MB each, at most 5' } }
}
