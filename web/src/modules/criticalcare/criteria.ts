import { ref } from 'vue'
import { api } from '../../api'
import { i18n } from '../../i18n'

export interface Criterion { code: string; kind: 'FINDING' | 'VALUE'; field: string | null; system: string; nameZh: string; nameEn: string }
export interface CriteriaSet { ruleVersion: string; systems: string[]; criteria: Criterion[]; plausible: Record<string, [number, number]> }

const loaded = ref<CriteriaSet>()
let pending: Promise<void> | undefined

/** The WHO near-miss checklist from the server's rule data (names in both languages), loaded once. */
export function useCriteria() {
  if (!loaded.value && !pending) {
    pending = api.get('/api/calculators/near-miss/criteria').then((r) => { loaded.value = r.data })
  }
  const critName = (code: string) => {
    const c = loaded.value?.criteria.find((x) => x.code === code)
    if (!c) return code
    return i18n.global.locale.value === 'en' ? c.nameEn : c.nameZh
  }
  return { criteria: loaded, critName }
}
