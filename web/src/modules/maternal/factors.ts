// The §1 factors with their names (from the server's message bundles), fetched once per page load.
import { ref } from 'vue'
import { api } from '../../api'

export interface RiskFactor { code: string, colour: string, name: string, nameZh: string, nameEn: string }

const factors = ref<RiskFactor[]>([])
let loading: Promise<void> | undefined

export function useRiskFactors() {
  if (!loading) {
    loading = api.get<{ factors: RiskFactor[] }>('/api/calculators/pregnancy-risk/factors')
      .then((r) => { factors.value = r.data.factors })
      .catch(() => { loading = undefined })
  }
  /** The factor's name in the reader's language; the code only if the rule set does not know it. */
  const nameOf = (code: string, english: boolean) => {
    const f = factors.value.find((x) => x.code === code)
    return f ? (english ? f.nameEn : f.nameZh) : code
  }
  return { factors, nameOf }
}
