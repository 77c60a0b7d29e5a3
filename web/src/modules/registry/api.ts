/**
 * The registry's calls and shapes (mirrors of `cn.fuyou.registry.Institution` and friends).
 * Institutions are chosen by name with `components/InstitutionPicker.vue`, never typed as codes.
 */
import { http, path, type Page } from '../../api'

export type InstitutionType =
  | 'MCH_HOSPITAL' | 'GENERAL_HOSPITAL' | 'CHILDRENS_HOSPITAL' | 'COMMUNITY_HEALTH_CENTRE' | 'NURSERY' | 'MCH_INSTITUTE' | 'HEALTH_ADMINISTRATION'
export type Designation =
  | 'CRITICAL_MATERNAL_CARE_CENTRE' | 'CRITICAL_NEWBORN_CARE_CENTRE' | 'ART_CENTRE' | 'PRENATAL_DIAGNOSIS_CENTRE'
  | 'INFANT_CARE_GUIDANCE_CENTRE' | 'FOREIGN_NATIONALS_CARE' | (string & {})

export interface Alliance {
  status: string
  joined: string | null
  agreement: string | null
}

export interface Institution {
  id: string
  code: string
  nameZh: string
  nameEn: string | null
  areaCode: string
  areaNameZh: string | null
  areaNameEn: string | null
  zoneCode: string | null
  level: number
  type: InstitutionType
  designations: Designation[]
  serviceAreas: string[]
  alliance: Alliance | null
  version: number
}

export interface InstitutionFilter {
  /** Part of the Chinese or English name, or the code. */
  q?: string
  area?: string
  designation?: Designation | ''
  type?: InstitutionType | ''
  level?: number | ''
  page?: number
  size?: number
}

export interface InstitutionHistoryEntry {
  version: number
  changedAt: string
  changedBy: string
  snapshot: Record<string, unknown>
}

export const institutions = {
  search: (f: InstitutionFilter) => http.get<Page<Institution>>('/api/institutions', { ...f }),
  get: (code: string) => http.get<Institution>(path('/api/institutions', code)),
  history: (code: string) => http.get<InstitutionHistoryEntry[]>(path('/api/institutions', code, 'history'))
}
