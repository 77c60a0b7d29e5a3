import { ref } from 'vue'
import { api } from './api'
import { nameOf } from './i18n'

export interface Area { code: string; nameZh: string; nameEn: string; kind: 'PROVINCE' | 'MUNICIPALITY' | 'DISTRICT' | 'COUNTY' | 'ZONE'; parentCode?: string }

/** GET /api/areas once per session; the list is small (~60 rows) and never changes while the app runs. */
export const areas = ref<Area[]>([])
let loading: Promise<void> | undefined

export function loadAreas(): Promise<void> {
  if (!loading) {
    loading = api.get<Area[]>('/api/areas').then((r) => { areas.value = r.data }).catch(() => { loading = undefined })
  }
  return loading
}

export function areaName(code: string | null | undefined): string {
  if (!code) return ''
  const a = areas.value.find((x) => x.code === code)
  return a ? nameOf(a) : code
}

/** Groups for a select: Chongqing's districts and counties, the zone(s), then the other provinces with their cities. */
export function areaGroups(): { key: string; label: Area | null; options: Area[] }[] {
  const all = areas.value
  const cq = all.filter((a) => a.parentCode === '500000' && (a.kind === 'DISTRICT' || a.kind === 'COUNTY'))
  const zones = all.filter((a) => a.kind === 'ZONE')
  const top = all.filter((a) => a.kind === 'MUNICIPALITY' || a.kind === 'PROVINCE')
  const groups: { key: string; label: Area | null; options: Area[] }[] = []
  for (const t of top) {
    const children = t.code === '500000' ? cq : all.filter((a) => a.parentCode === t.code && a.kind !== 'ZONE')
    groups.push({ key: t.code, label: t, options: [t, ...children] })
    if (t.code === '500000' && zones.length) groups.push({ key: 'zones', label: null, options: zones })
  }
  const seen = new Set(groups.flatMap((g) => g.options.map((o) => o.code)))
  const rest = all.filter((a) => !seen.has(a.code))
  if (rest.length) groups.push({ key: 'rest', label: null, options: rest })
  return groups
}
