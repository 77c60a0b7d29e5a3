import { api, type Page } from '../../api'

export type Band = 'HIGH' | 'INTERMEDIATE' | 'LOW'
export type ScreenKind = 'FIRST_TRIMESTER_COMBINED' | 'SECOND_TRIMESTER_DOUBLE' | 'SECOND_TRIMESTER_TRIPLE' | 'SECOND_TRIMESTER_QUADRUPLE' | 'NT' | 'NIPT' | 'ANOMALY_ULTRASOUND'
export const SCREEN_KINDS: ScreenKind[] = ['FIRST_TRIMESTER_COMBINED', 'SECOND_TRIMESTER_DOUBLE', 'SECOND_TRIMESTER_TRIPLE', 'SECOND_TRIMESTER_QUADRUPLE', 'NT', 'NIPT', 'ANOMALY_ULTRASOUND']
export const SERUM_KINDS: ScreenKind[] = ['FIRST_TRIMESTER_COMBINED', 'SECOND_TRIMESTER_DOUBLE', 'SECOND_TRIMESTER_TRIPLE', 'SECOND_TRIMESTER_QUADRUPLE']

export interface Screen {
  id: string; womanId: string; womanName: string; pregnancyId: string; institutionCode: string; institutionNameZh: string; institutionNameEn: string
  labInstitutionCode?: string; labNameZh?: string; labNameEn?: string; kind: ScreenKind; sampledOn: string; reportedOn?: string
  gestationalDays: number; edd: string; maternalAgeAtEdd: number; weightKg?: number; markers?: Record<string, number>
  t21OneIn?: number; t18OneIn?: number; afpMom?: number; afpCutoff?: number; ntMm?: number; nipt?: Record<string, string>
  ultrasoundFinding?: string; ultrasoundAbnormal?: boolean; t21Band?: Band; t18Band?: Band; ontdBand?: Band; band: Band
  riskSource: 'LABORATORY' | 'CALCULATED' | 'NONE'; parameterSet?: string; parameterSetIllustrative?: boolean; ruleVersion: string
  source: 'ENTERED' | 'FHIR' | 'CSV'; externalId?: string; status: 'ACTIVE' | 'VOIDED'; voidReason?: string; followUpId?: string
  followUpStep?: string; version: number; createdAt: string; createdBy: string
}

export interface ScreenForm {
  womanId: string; kind: ScreenKind; sampledOn: string; reportedOn?: string; gestationalDays?: number; weightKg?: number
  labInstitutionCode?: string; t21OneIn?: number; t18OneIn?: number; afpMom?: number; afpCutoff?: number; ntMm?: number
  nipt?: Record<string, string>; ultrasoundFinding?: string; ultrasoundAbnormal?: boolean; markerValues?: Record<string, number>
  parameterSet?: string; externalId?: string
}

export type Step = 'COUNSEL' | 'DIAGNOSIS' | 'RESULT' | 'DECISION' | 'OUTCOME' | 'CLOSED'
export interface FollowUp {
  id: string; screenId: string; screenKind: ScreenKind; t21OneIn?: number; t18OneIn?: number; screenBand: Band; womanId: string; womanName: string
  pregnancyId: string; edd: string; institutionCode: string; institutionNameZh: string; institutionNameEn: string; band: Band; openedOn: string
  step: Step; dueOn?: string; overdue: boolean; counselledOn?: string; counsellingNote?: string; plan?: string; procedureOn?: string; test?: string
  referralId?: string; resultOn?: string; result?: string; diagnosis?: string; diagnosisIcd10?: string; decisionOn?: string; decision?: string
  outcomeOn?: string; outcome?: string; outcomeNote?: string; registrationId?: string; version: number
}
export interface StepForm {
  step: Step; on: string; version: number; note?: string; plan?: string; test?: string; result?: string; diagnosis?: string
  diagnosisIcd10?: string; decision?: string; outcome?: string; referToCentre?: boolean; centreCode?: string
}

export interface Category { code: string; icd10: string[]; side: boolean; nameZh: string; nameEn: string }
export interface Rules {
  version: string; source: string; categories: Category[]; windows: Record<string, [number, number]>
  cutoffs: { t21HighAtMost: number; t21IntermediateAtMost: number; t18HighAtMost: number; afpMomDefault: number; afpMomMin: number; afpMomMax: number; ntHighAtLeastMm: number }
  riskFactors: string[]; history: string[]
}

export interface RegistrationItem { category: string; categoryNameZh?: string; categoryNameEn?: string; icd10?: string; side?: string; description?: string }
export interface Registration {
  id: string; motherId: string; motherName: string; childId?: string; childName?: string; pregnancyId?: string; followUpId?: string
  institutionCode: string; institutionNameZh: string; institutionNameEn: string; areaCode: string; eventDate: string; gestationalWeeks: number
  weightG?: number; sex?: string; outcome: string; diagnosedOn: string; diagnosisBasis: string[]; prenatal: boolean; maternalAge: number
  multipleBirth: boolean; perinatal: boolean; note?: string; items: RegistrationItem[]; ruleVersion: string; status: string; voidReason?: string; version: number
}
export interface RegistrationForm {
  motherId: string; pregnancyId?: string; childId?: string; followUpId?: string; eventDate: string; gestationalWeeks: number; weightG?: number
  sex?: string; outcome: string; diagnosedOn: string; diagnosisBasis: string[]; prenatal: boolean; multipleBirth?: boolean; note?: string
  items: RegistrationItem[]
}

export interface Findings { history: string[]; historyNote?: string; examinations: Record<string, string>; tests: Record<string, string> }
export interface Check {
  id: string; womanId: string; womanName: string; partnerId?: string; partnerName?: string; institutionCode: string; institutionNameZh: string
  institutionNameEn: string; checkDate: string; woman: Findings; partner: Findings; assessment: 'GENERAL' | 'HIGH_RISK'; riskFactors: string[]
  counselling?: string; followUpOn?: string; followUpDoneOn?: string; followUpOverdue: boolean; folicAcidFrom?: string; plannedConception?: string
  folicAcidLate: boolean; status: string; version: number
  /** His part withheld: the caller is not entitled to his record (no name, empty findings). */
  partnerWithheld: boolean
}
export interface CheckForm {
  womanId: string; partnerId?: string; checkDate: string; woman: Findings; partner: Findings; assessment: 'GENERAL' | 'HIGH_RISK'
  riskFactors: string[]; counselling?: string; followUpOn?: string; followUpDoneOn?: string; folicAcidFrom?: string; plannedConception?: string; version?: number
}

export interface ParameterSet { id: string; code: string; version: string; illustrative: boolean; labelZh: string; labelEn: string; markers: string[]; conditions: string[] }
export interface Figure { code: string; nameZh: string; nameEn: string; numerator: number; denominator: number; value: number | null; unit: string }
export interface Rate { key: string; nameZh: string; nameEn: string; cases: number; births: number; value: number | null }
export interface Statistics {
  area: string; areaNameZh: string; areaNameEn: string; from: string; to: string; edition: string; indicators: Figure[]
  byCategory: Rate[]; byAgeGroup: Rate[]; byMonth: Rate[]; byDistrict: Rate[]
}
export interface ImportReport { rows: number; high: number; intermediate: number; low: number }

export const defectsApi = {
  /** The CSV import's columns and its row limit. */
  importColumns: async (): Promise<{ columns: string[]; maxRows: number }> =>
    (await api.get<{ columns: string[]; maxRows: number }>('/api/defects/screens/import/columns')).data,
  rules: async (): Promise<Rules> => (await api.get<Rules>('/api/defects/rules')).data,
  parameterSets: async (): Promise<ParameterSet[]> => (await api.get<ParameterSet[]>('/api/defects/parameter-sets')).data,
  screens: async (p: { q?: string; band?: string; kind?: string; page: number; size?: number }): Promise<Page<Screen>> =>
    (await api.get<Page<Screen>>('/api/defects/screens', { params: { ...p, size: p.size ?? 20 } })).data,
  screen: async (id: string): Promise<Screen> => (await api.get<Screen>('/api/defects/screens/' + id)).data,
  recordScreen: async (f: ScreenForm): Promise<Screen> => (await api.post<Screen>('/api/defects/screens', f)).data,
  importCsv: async (file: File): Promise<ImportReport> => {
    const form = new FormData()
    form.append('file', file)
    return (await api.post<ImportReport>('/api/defects/screens/import', form)).data
  },
  followUps: async (p: { status?: string; q?: string; page: number; size?: number }): Promise<Page<FollowUp>> =>
    (await api.get<Page<FollowUp>>('/api/defects/follow-ups', { params: { ...p, size: p.size ?? 20 } })).data,
  followUp: async (id: string): Promise<FollowUp> => (await api.get<FollowUp>('/api/defects/follow-ups/' + id)).data,
  step: async (id: string, f: StepForm): Promise<FollowUp> => (await api.post<FollowUp>('/api/defects/follow-ups/' + id + '/steps', f)).data,
  registrations: async (p: { q?: string; category?: string; page: number; size?: number }): Promise<Page<Registration>> =>
    (await api.get<Page<Registration>>('/api/defects/registrations', { params: { ...p, size: p.size ?? 20 } })).data,
  register: async (f: RegistrationForm): Promise<Registration> => (await api.post<Registration>('/api/defects/registrations', f)).data,
  checks: async (p: { q?: string; assessment?: string; page: number; size?: number }): Promise<Page<Check>> =>
    (await api.get<Page<Check>>('/api/defects/preconception-checks', { params: { ...p, size: p.size ?? 20 } })).data,
  createCheck: async (f: CheckForm): Promise<Check> => (await api.post<Check>('/api/defects/preconception-checks', f)).data,
  woman: async (womanId: string): Promise<{ preconceptionChecks: Check[]; screens: Screen[] }> =>
    (await api.get<{ preconceptionChecks: Check[]; screens: Screen[] }>('/api/defects/women/' + womanId)).data,
  statistics: async (p: { area: string; from: string; to: string }): Promise<Statistics> =>
    (await api.get<Statistics>('/api/defects/statistics', { params: p })).data
}
