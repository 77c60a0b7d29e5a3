/**
 * The registry's calls and shapes (mirrors of `cn.fuyou.registry.Institution` and friends).
 * Institutions are chosen by name with `components/InstitutionPicker.vue`, never typed as codes.
 */
import { compact, http, path, type Page } from '../../api'
import type { Area } from '../../areas'

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

/** `InstitutionChange.AllianceChange`. */
export interface AllianceChange {
  status: 'ACTIVE' | 'SUSPENDED' | 'LEFT' | (string & {})
  joined?: string | null
  agreement?: string | null
}

/** `InstitutionChange`: what an admin sets on an institution (`code` only when adding one). */
export interface InstitutionChange {
  code?: string
  nameZh: string
  nameEn?: string | null
  areaCode: string
  zoneCode?: string | null
  level: number
  type: InstitutionType | ''
  designations: string[]
  serviceAreas: string[]
  alliance?: AllianceChange | null
  version?: number
}

export const institutions = {
  search: (f: InstitutionFilter) => http.get<Page<Institution>>('/api/institutions', { ...f }),
  get: (code: string) => http.get<Institution>(path('/api/institutions', code)),
  history: (code: string) => http.get<InstitutionHistoryEntry[]>(path('/api/institutions', code, 'history')),
  create: (c: InstitutionChange) => http.post<Institution>('/api/institutions', c),
  update: (code: string, c: InstitutionChange) => http.put<Institution>(path('/api/institutions', code), c)
}

/** `PersonDetail.Link`: her mother, child or partner. */
export interface PersonLink {
  kind: 'MOTHER' | 'CHILD' | 'PARTNER'
  personId: string
  fullName: string
  birthDate: string
  sex: 'F' | 'M'
}

/** `PersonDetail`: one person's identity record (`GET /api/persons/{id}`). */
export interface Person {
  id: string
  familyName: string
  givenName: string
  fullName: string
  sex: 'F' | 'M'
  birthDate: string
  idType: string
  idNumber?: string | null
  nationality?: string | null
  phone?: string | null
  addressAreaCode?: string | null
  addressText?: string | null
  registeredInstitution?: { code: string; nameZh: string; nameEn?: string | null } | null
  links: PersonLink[]
  mergedInto?: string | null
  voided: boolean
  voidReason?: string | null
  version: number
  createdAt: string
  createdBy: string
  changedAt?: string | null
  changedBy?: string | null
}

/** `PersonSummary`: one search hit; a restricted hit is a stub the reader may not open without breaking the glass. */
export interface PersonHit {
  id: string
  fullName: string
  sex: 'F' | 'M'
  birthDate?: string | null
  idType?: string | null
  idNumber?: string | null
  phone?: string | null
  addressAreaCode?: string | null
  registeredInstitutionCode?: string | null
  restricted: boolean
}

/** `PersonForm`: registration or correction (blank fields are not sent). */
export interface PersonForm {
  idType: 'RESIDENT_ID' | 'PASSPORT' | (string & {})
  idNumber: string
  familyName: string
  givenName: string
  sex: '' | 'F' | 'M'
  birthDate: string
  nationality?: string
  phone?: string
  addressAreaCode?: string
  addressText?: string
  motherId?: string
  partnerId?: string
  confirmNotDuplicate?: boolean
  version?: number
}

/** `AuditEvent`: one read or write of her record, for the access log. */
export interface AccessEntry {
  id: number
  at: string
  username: string
  institutionCode?: string | null
  action: string
  entityType?: string | null
  entityId?: string | null
  personId?: string | null
  outcome: 'ALLOWED' | 'DENIED'
  breakGlass: boolean
  reason?: string | null
  clientIp?: string | null
  detail?: string | null
  channel?: string | null
  purpose?: string | null
}

export const persons = {
  /** By name, resident ID number or phone (`q` blank: nothing found). */
  search: (q: { q?: string; page?: number; size?: number }) => http.get<Page<PersonHit>>('/api/persons', q),
  get: (id: string) => http.get<Person>(path('/api/persons', id)),
  /** Blank fields are not sent. */
  register: (f: PersonForm) => http.post<Person>('/api/persons', compact(f)),
  /** Blank fields are not sent. */
  correct: (id: string, f: PersonForm) => http.put<Person>(path('/api/persons', id), compact(f)),
  breakGlass: (id: string, reason: string) => http.post<Person>(path('/api/persons', id, 'break-glass'), { reason }),
  accessLog: (id: string) => http.get<AccessEntry[]>(path('/api/persons', id, 'access-log')),
  merge: (survivorId: string, duplicateId: string) => http.post<{ mergeId: string }>('/api/persons/merges', { survivorId, duplicateId }),
  undoMerge: (mergeId: string) => http.post(path('/api/persons/merges', mergeId, 'undo'))
}

export const areasApi = {
  /** Every area (GB/T 2260) and zone; `areas.ts` keeps one copy per session for names. */
  all: () => http.get<Area[]>('/api/areas')
}
