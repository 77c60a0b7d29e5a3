/** Texts of the registry's shared widgets (zh-CN first, en), under `registry`; found by i18n/index.ts. */
export default {
  'zh-CN': { registry: { pickInstitution: '输入机构名称查找' } },
  en: { registry: { pickInstitution: 'Type an institution name' } }
}
