import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'

const saved = localStorage.getItem('fuyou.lang')
export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en }
})

document.documentElement.lang = saved === 'en' ? 'en' : 'zh-CN'

export function setLanguage(lang: 'zh-CN' | 'en') {
  i18n.global.locale.value = lang
  localStorage.setItem('fuyou.lang', lang)
  document.documentElement.lang = lang
}

/** Pick the Chinese or English name of a record, following the UI language. */
export function nameOf(o: { nameZh?: string | null; nameEn?: string | null } | null | undefined): string {
  if (!o) return ''
  return i18n.global.locale.value === 'en' ? (o.nameEn || o.nameZh || '') : (o.nameZh || o.nameEn || '')
}

// Each module keeps its own texts in web/src/modules/<module>/i18n.ts
// (`export default { 'zh-CN': {...}, en: {...} }`): found here, no shared list to edit.
type ModuleMessages = { default: { 'zh-CN': Record<string, unknown>; en: Record<string, unknown> } }
for (const m of Object.values(import.meta.glob<ModuleMessages>('../modules/*/i18n.ts', { eager: true }))) {
  i18n.global.mergeLocaleMessage('zh-CN', m.default['zh-CN'])
  i18n.global.mergeLocaleMessage('en', m.default.en)
}
