import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'
import { statsZh, statsEn } from '../modules/stats/messages'

const saved = localStorage.getItem('fuyou.lang')
export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': { ...zhCN, stats: statsZh }, en: { ...en, stats: statsEn } }
})

document.documentElement.lang = saved === 'en' ? 'en' : 'zh-CN'

export function setLanguage(lang: 'zh-CN' | 'en') {
  i18n.global.locale.value = lang
  localStorage.setItem('fuyou.lang', lang)
  document.documentElement.lang = lang
}

/** Pick the Chinese or English name of a record, following the UI language. */
export function nameOf(o: { nameZh?: string; nameEn?: string } | null | undefined): string {
  if (!o) return ''
  return i18n.global.locale.value === 'en' ? (o.nameEn || o.nameZh || '') : (o.nameZh || o.nameEn || '')
}

// Module-local messages (issue 18: births and newborn screening).
import births from '../modules/births/messages'
i18n.global.mergeLocaleMessage('zh-CN', births['zh-CN'])
i18n.global.mergeLocaleMessage('en', births.en)
