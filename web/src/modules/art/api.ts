/** Typed calls of the reproductive medicine module (issue 14). */
import { api, type Page } from '../../api'

export interface InstitutionRef { code: string; nameZh: string; nameEn: string }
export interface PersonRef { id: string; name: string; birthDate: string; age: number | null }
export interface WorkUp { on?: string | null; amhNgMl?: number | null; afc?: number | null; fshIuL?: number | null; lhIuL?: number | null; e2PgMl?: number | null; prlNgMl?: number | null }
export interface Semen { on?: string | null; volumeMl?: number | null; concentration?: number | null; totalCount?: number | null; progressive?: number | null; totalMotility?: number | null; vitality?: number | null; normalForms?: number | null }
export interface Consent { id: string; kind: string; signedOn: string; fileName: string; mediaType: string; sizeBytes: number }
export interface CycleSummary { id: string; cycleType: string; protocol: string; startedOn: string; ageAtStart: number; stage: string; outcome?: string; clinicalPregnancy: boolean }
export interface CoupleRecord {
  id: string; woman: PersonRef; partner: PersonRef; institution: InstitutionRef; infertilityType: string; infertilityYears: number
  femaleFactors: string[]; maleFactors: string[]; indication: string; indicationNote?: string; workUp: WorkUp; semen: Semen
  semenFlags: string[]; semenRuleVersion?: string; status: string; consents: Consent[]; cycles: CycleSummary[]; version: number
}
export interface CoupleListItem {
  id: string; womanId: string; womanName: string; partnerName: string; womanAge: number; infertilityType: string; infertilityYears: number
  indication: string; institutionCode: string; institutionNameZh: string; institutionNameEn: string; cycles: number; lastCycleOn?: string; status: string
}
export interface CoupleForm {
  womanId: string; partnerId: string; infertilityType: string; infertilityYears: number | null; femaleFactors: string[]; maleFactors: string[]
  indication: string; indicationNote?: string; workUp: WorkUp; semen: Semen; version?: number
}
export interface SemenLimit { field: string; flag: string; lowerLimit: number; unit: string; nameZh: string; nameEn: string }
export interface Reference {
  femaleFactors: string[]; maleFactors: string[]; indications: string[]; consentKinds: string[]; protocols: Record<string, string[]>
  semenRules: { version: string; source: string; limits: SemenLimit[] }
}
export interface EmbryoEvent { kind: string; on: string; cultureDay?: number; grade?: string; note?: string; cycleId: string; at: string; by: string }
export interface Embryo {
  id: string; originCycleId: string; seq: number; label: string; state: string; cultureDay?: number; grade?: string; cryoOn?: string
  cryoLocation?: string; cryoExpires?: string; thawCycleId?: string; thawedOn?: string; transferCycleId?: string; transferredOn?: string
  discardedOn?: string; discardReason?: string; history: EmbryoEvent[]
}
export interface Monitoring { id: string; seenOn: string; stimulationDay: number; folliclesGe14?: number; leadingFollicleMm?: number; e2PgMl?: number; lhIuL?: number; progesteroneNgMl?: number; endometriumMm?: number; doseNote?: string }
export interface LiveBirth { childId: string; childName: string; bornOn: string; sex: string; weightG?: number; embryoIds: string[] }
export interface CycleRecord {
  id: string; coupleId: string; woman: PersonRef; partnerName: string; institution: InstitutionRef; cycleType: string; kind: string; gametes: string
  protocol: string; startedOn: string; ageAtStart: number; ageBand: string; sourceCycleId?: string; stage: string
  trigger: { on?: string; drug?: string }; retrieval: { on?: string; oocytes?: number; mii?: number }; fertilisation: { on?: string; method?: string; twoPn?: number }
  transfer: { on?: string; day?: number; embryos: number; lutealSupport?: string }; cancellation: { on?: string; reason?: string; note?: string }
  ohssGrade?: string; hcg: { on?: string; valueIuL?: number; positive: boolean }; ultrasound: { on?: string; gestationalSacs?: number; fetalHearts?: number; ectopic: boolean }
  clinicalPregnancy: boolean; pregnancyId?: string; followInstitution?: InstitutionRef; outcome?: string; outcomeOn?: string; babiesBorn: number
  deliveryInstitution?: InstitutionRef; monitoring: Monitoring[]; embryos: Embryo[]; liveBirths: LiveBirth[]; missingConsents: string[]
  countingVersion: string; version: number
}
export interface CycleListItem {
  id: string; coupleId: string; womanId: string; womanName: string; cycleType: string; protocol: string; startedOn: string; ageAtStart: number
  ageBand: string; stage: string; transferOn?: string; embryosTransferred: number; clinicalPregnancy: boolean; outcome?: string; outcomeOn?: string
  ohssGrade?: string; cancelReason?: string
}
export interface Counts {
  initiatedCycles: number; freshCycles: number; retrievals: number; transfers: number; clinicalPregnancies: number; clinicalPregnanciesOfRetrievals: number
  deliveries: number; deliveriesOfRetrievals: number; cumulativeDeliveries: number; embryosTransferred: number; gestationalSacs: number
  multipleDeliveries: number; ohssCycles: number; outcomePending: number
}
export type Rates = Record<string, number | null>
export interface OutcomeGroup { key: string; counts: Counts; rates: Rates }
export interface Definition { code: string; numerator: string; denominator: string; multiplier: number; precision: number }
export interface OutcomeReport {
  countingVersion: string; institution?: InstitutionRef; years: number[]; protocols: string[]; byAgeBand: OutcomeGroup[]; byYear: OutcomeGroup[]
  byCycleType: OutcomeGroup[]; byProtocol: OutcomeGroup[]; definitions: Definition[]
  headline: { cprPerTransfer: number | null; lbrPerTransfer: number | null; cprTarget: number; lbrTarget: number; cprAbove: boolean | null; lbrAbove: boolean | null }
}
export interface WorkUpSummary {
  womanAge: number; partnerAge: number; infertilityType: string; infertilityYears: number; femaleFactors: string[]; maleFactors: string[]
  indication: string; workUp: WorkUp; semen: Semen; semenFlags: string[]; semenRuleVersion?: string; previousCycles: number; previousClinicalPregnancies: number
}
export interface CaseView {
  id: string; coupleId: string; womanId: string; womanName: string; member: InstitutionRef; centre: InstitutionRef; summary: WorkUpSummary
  question: string; status: string; opinion?: string; opinionAt?: string; opinionBy?: string; referralId?: string; referredAt?: string
  messages: { at: string; byUser: string; body: string }[]; createdAt: string; createdBy: string; version: number
}
export interface CaseListItem { id: string; coupleId: string; womanId: string; womanName: string; member: InstitutionRef; centre: InstitutionRef; question: string; answered: boolean; referred: boolean; createdAt: string }
export interface MemberActivity { member: InstitutionRef; areaCode: string; consultations: number; answered: number; referred: number; cyclesStarted: number; clinicalPregnancies: number; lastConsultation?: string }
export interface PersonHit { id: string; fullName: string; sex: string; birthDate: string; idNumber: string; restricted: boolean }

export const artApi = {
  reference: async () => (await api.get<Reference>('/api/art/reference')).data,
  couples: async (q: string, page: number) => (await api.get<Page<CoupleListItem>>('/api/art/couples', { params: { q: q || undefined, page, size: 20 } })).data,
  couple: async (id: string) => (await api.get<CoupleRecord>(`/api/art/couples/${id}`)).data,
  register: async (f: CoupleForm) => (await api.post<CoupleRecord>('/api/art/couples', f)).data,
  update: async (id: string, f: CoupleForm) => (await api.put<CoupleRecord>(`/api/art/couples/${id}`, f)).data,
  uploadConsent: async (id: string, kind: string, signedOn: string, file: File) => {
    const data = new FormData()
    data.append('file', file)
    return (await api.post<Consent>(`/api/art/couples/${id}/consents`, data, { params: { kind, signedOn } })).data
  },
  startCycle: async (coupleId: string, f: { cycleType: string; gametes: string; protocol: string; startedOn: string; sourceCycleId?: string }) =>
    (await api.post<CycleRecord>(`/api/art/couples/${coupleId}/cycles`, f)).data,
  cycles: async (params: { q?: string; stage?: string; cycleType?: string; year?: number; page: number }) =>
    (await api.get<Page<CycleListItem>>('/api/art/cycles', { params: { ...params, size: 20 } })).data,
  followUp: async (page: number) => (await api.get<Page<CycleListItem>>('/api/art/follow-up', { params: { page, size: 20 } })).data,
  cycle: async (id: string) => (await api.get<CycleRecord>(`/api/art/cycles/${id}`)).data,
  step: async (id: string, step: string, body: Record<string, unknown>) => (await api.post<CycleRecord>(`/api/art/cycles/${id}/${step}`, body)).data,
  outcomes: async (params: { year?: number; cycleType?: string; protocol?: string; institution?: string }) =>
    (await api.get<OutcomeReport>('/api/art/outcomes', { params })).data,
  centres: async () => (await api.get<InstitutionRef[]>('/api/art/centres')).data,
  consult: async (coupleId: string, question: string) => (await api.post<CaseView>(`/api/art/couples/${coupleId}/consultations`, { question })).data,
  cases: async (q: string, page: number) => (await api.get<Page<CaseListItem>>('/api/art/workstation/cases', { params: { q: q || undefined, page, size: 20 } })).data,
  caseView: async (id: string) => (await api.get<CaseView>(`/api/art/workstation/cases/${id}`)).data,
  opinion: async (id: string, opinion: string, version: number) => (await api.post<CaseView>(`/api/art/workstation/cases/${id}/opinion`, { opinion, version })).data,
  refer: async (id: string, reason: string, version: number) => (await api.post<CaseView>(`/api/art/workstation/cases/${id}/referral`, { reason, version })).data,
  activity: async () => (await api.get<MemberActivity[]>('/api/art/workstation/activity')).data,
  persons: async (q: string) => (await api.get<Page<PersonHit>>('/api/persons', { params: { q, page: 0, size: 10 } })).data
}

export const RATE_CODES = ['ART_CPR_PER_CYCLE', 'ART_CPR_PER_RETRIEVAL', 'ART_CPR_PER_TRANSFER', 'ART_LBR_PER_CYCLE', 'ART_LBR_PER_RETRIEVAL',
  'ART_LBR_PER_TRANSFER', 'ART_CUMULATIVE_LBR', 'ART_IMPLANTATION', 'ART_MULTIPLE', 'ART_OHSS']
