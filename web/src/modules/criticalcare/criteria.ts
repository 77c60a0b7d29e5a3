import { ref } from 'vue'
import { i18n } from '../../i18n'
import { nearMiss, type CriteriaSet } from './api'

export type { Criterion, CriteriaSet } from './api'

const loaded = ref<CriteriaSet>()
let pending: Promise<void> | undefined

/** The WHO near-miss checklist from the server's rule data (names in both languages), loaded once. */
export function useCriteria() {
  if (!loaded.value && !pending) {
    pending = nearMiss.criteria().then((c) => { loaded.value = c })
  }
  const critName = (code: string) => {
    const c = loaded.value?.criteria.find((x) => x.code === code)
    if (!c) return code
    return i18n.global.locale.value === 'en' ? c.nameEn : c.nameZh
  }
  return { criteria: loaded, critName }
}
