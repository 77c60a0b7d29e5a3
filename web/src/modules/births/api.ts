/**
 * The births module's calls and the shapes they carry (mirrors of the Java records in
 * `cn.fuyou.births`: `Births.Birth`, `BirthCertificate`, `NewbornScreening.*`, the forms in
 * `CertificateForms` / `ScreeningForms`). Dates are ISO strings as the server writes them:
 * `IsoDate` "2026-03-01", `IsoDateTime` "2026-03-01T08:30:00+08:00".
 */
import { compact, http, path, type Page } from '../../api'

export type IsoDate = string
export type IsoDateTime = string
export type Sex = 'F' | 'M' | 'U'

// ---- births ------------------------------------------------------------------------------

export interface Birth {
  childId: string
  childName: string
  sex: Sex
  bornAt: IsoDateTime
  gaDays: number
  weightG: number
  lengthCm: number | null
  nicu: boolean
  motherId: string
  motherName: string
  institutionCode: string
  institutionNameZh: string
  institutionNameEn: string | null
  certificateNumber: string | null
  certificateId: string | null
}

export interface BirthFilter {
  q?: string
  /** YES: with a valid certificate; NO: without. */
  certified?: '' | 'YES' | 'NO'
  page?: number
  size?: number
}

export interface Parents {
  motherName: string
  motherNationality: string
  motherIdType: string
  motherIdNumber: string
  fatherName: string | null
  fatherNationality: string | null
  fatherIdType: string | null
  fatherIdNumber: string | null
}

export const births = {
  list: (f: BirthFilter) => http.get<Page<Birth>>('/api/births', { ...f }),
  open: (childId: string) => http.get<Birth>(path('/api/births', childId)),
  parents: (childId: string) => http.get<Parents>(path('/api/births', childId, 'parents')),
  certificates: (childId: string) => http.get<BirthCertificate[]>(path('/api/births', childId, 'certificates')),
  /** Blank fields are not sent. */
  issue: (childId: string, form: IssueForm) => http.post<BirthCertificate>(path('/api/births', childId, 'certificate'), compact(form)),
  screening: (childId: string) => http.get<ChildScreening>(path('/api/births', childId, 'screening')),
  /** Blank fields are not sent. */
  collectBloodSpot: (childId: string, form: BloodSpotForm) => http.post<Sample>(path('/api/births', childId, 'blood-spots'), compact(form)),
  /** Blank fields are not sent. */
  recordHearing: (childId: string, form: HearingForm) => http.post<HearingRow>(path('/api/births', childId, 'hearing'), compact(form)),
  recordChd: (childId: string, form: ChdForm) => http.post<ChdRow>(path('/api/births', childId, 'chd'), form)
}

// ---- certificates ------------------------------------------------------------------------

export type CertificateKind = 'FIRST' | 'REISSUE' | 'REPLACEMENT'
export type CertificateStatus = 'VALID' | 'SUPERSEDED' | 'VOIDED'
export type IdType = 'RESIDENT_ID' | 'PASSPORT' | 'OTHER' | 'BIRTH_RECORD'

export interface BirthCertificate {
  id: string
  number: string
  childId: string
  institutionCode: string
  institutionNameZh: string
  institutionNameEn: string | null
  kind: CertificateKind
  reason: string | null
  status: CertificateStatus
  statusReason: string | null
  replacesId: string | null
  childName: string
  sex: Sex
  bornAt: IsoDateTime
  birthPlace: string
  gaDays: number
  weightG: number
  lengthCm: number | null
  motherName: string
  motherNationality: string
  motherEthnicity: string
  motherIdType: string
  motherIdNumber: string
  fatherName: string | null
  fatherNationality: string | null
  fatherEthnicity: string | null
  fatherIdType: string | null
  fatherIdNumber: string | null
  issuedAt: IsoDateTime
  issuedBy: string
  version: number
}

/** `CertificateForms.Issue` as the form holds it (a blank field is not sent). */
export interface IssueForm {
  childName: string
  birthPlace?: string
  motherNationality?: string
  motherEthnicity: string
  fatherName?: string
  fatherNationality?: string
  fatherEthnicity?: string
  fatherIdType?: 'RESIDENT_ID' | 'PASSPORT' | 'OTHER' | null
  fatherIdNumber?: string
}

export interface ReissueForm {
  kind: 'REISSUE' | 'REPLACEMENT'
  reason: string
  version: number
  corrections?: IssueForm
}

export interface StockRange {
  id: string
  institutionCode: string
  firstNumber: string
  lastNumber: string
  receivedOn: IsoDate
  note: string | null
  inStock: number
  issued: number
  voided: number
  createdAt: IsoDateTime
  createdBy: string
}

export interface StockOverview {
  institutionCode: string
  inStock: number
  issued: number
  voided: number
  ranges: StockRange[]
}

export interface StockReceipt {
  prefix: string
  firstSeq: number | null
  lastSeq: number | null
  receivedOn: IsoDate
  note?: string
  institutionCode?: string
}

export type BlankStatus = 'IN_STOCK' | 'ISSUED' | 'VOIDED'

export interface Blank {
  number: string
  status: BlankStatus
  voidReason: string | null
  voidedAt: IsoDateTime | null
  voidedBy: string | null
  childName: string | null
  certificateId: string | null
}

export interface Verification {
  number: string
  blankStatus: BlankStatus
  certificateStatus: CertificateStatus | null
  kind: CertificateKind | null
  childName: string | null
  sex: Sex | null
  birthDate: IsoDate | null
  institutionCode: string
  institutionNameZh: string
  institutionNameEn: string | null
  motherName: string | null
  issuedAt: IsoDateTime | null
  replacedBy: string | null
  statusReason: string | null
}

export const certificates = {
  stock: () => http.get<StockOverview>('/api/birth-certificates/stock'),
  receive: (r: StockReceipt) => http.post<StockRange>('/api/birth-certificates/stock', r),
  blanks: (f: { status?: BlankStatus | ''; page?: number; size?: number }) => http.get<Page<Blank>>('/api/birth-certificates/blanks', { ...f }),
  voidBlank: (number: string, reason: string) => http.post<Blank>(path('/api/birth-certificates/blanks', number, 'void'), { reason }),
  lookup: (number: string) => http.get<Verification>('/api/birth-certificates/lookup', { number }),
  voidCertificate: (id: string, reason: string, version: number) =>
    http.post<BirthCertificate>(path('/api/birth-certificates', id, 'void'), { reason, version }),
  reissue: (id: string, form: ReissueForm) => http.post<BirthCertificate>(path('/api/birth-certificates', id, 'reissue'), form),
  pdfUrl: (id: string) => path('/api/birth-certificates', id, 'pdf')
}

// ---- newborn screening -------------------------------------------------------------------

export type Analyte = 'PHE' | 'TSH'

export interface ResultRow {
  id: string
  analyte: Analyte
  value: number
  unit: string
  cutoff: number
  positive: boolean
  source: string
  ruleVersion: string
  createdAt: IsoDateTime
  createdBy: string
}

export interface Sample {
  id: string
  childId: string
  childName: string
  bornAt: IsoDateTime
  collectedAt: IsoDateTime
  feeds: number
  transfused: boolean
  lateReason: string | null
  hoursOfLife: number
  dayOfLife: number
  timing: string
  repeatRequired: boolean
  ruleVersion: string
  batchId: string | null
  batchCode: string | null
  status: string
  results: ResultRow[]
  version: number
}

export interface BatchView {
  id: string
  code: string
  institutionCode: string
  labInstitutionCode: string
  labNameZh: string
  labNameEn: string | null
  sentAt: IsoDateTime
  sentBy: string
  receivedAt: IsoDateTime | null
  receivedBy: string | null
  status: string
  samples: number
  resulted: number
  version: number
}

export interface BatchDetail {
  batch: BatchView
  samples: Sample[]
}

export interface ImportReport {
  rows: number
  samples: number
  positives: number
}

export interface CaseView {
  id: string
  childId: string
  programme: string
  condition: string
  detail: string | null
  openedOn: IsoDate
  recalledOn: IsoDate | null
  confirmedOn: IsoDate | null
  confirmation: 'CONFIRMED' | 'EXCLUDED' | null
  diagnosis: string | null
  treatmentOn: IsoDate | null
  treatment: string | null
  followUpOn: IsoDate | null
  followUpNote: string | null
  status: string
  nextStep: string | null
  ruleVersion: string
  version: number
}

export interface HearingRow {
  id: string
  stage: string
  method: string
  doneOn: IsoDate
  leftEar: 'PASS' | 'REFER' | null
  rightEar: 'PASS' | 'REFER' | null
  outcome: string | null
  onTime: boolean
  note: string | null
  ruleVersion: string
  createdBy: string
}

export interface ChdRow {
  id: string
  screenedAt: IsoDateTime
  hoursOfLife: number
  spo2Hand: number
  spo2Foot: number
  murmurGrade: number
  inWindow: boolean
  positive: boolean
  reasons: string[]
  ruleVersion: string
  createdBy: string
}

export type WorkStatus = 'DUE' | 'OVERDUE'
export type WorkGroup = 'METABOLIC' | 'HEARING' | 'CHD' | 'CASE'

export interface WorkItem {
  childId: string
  childName: string
  bornAt: IsoDateTime
  step: string
  caseId: string | null
  dueFrom: IsoDate
  dueBy: IsoDate
  status: WorkStatus
}

export interface ChildScreening {
  childId: string
  samples: Sample[]
  hearing: HearingRow[]
  chd: ChdRow[]
  cases: CaseView[]
  nextSteps: WorkItem[]
  ruleVersion: string
}

/** `ScreeningForms.BloodSpot` as the form holds it (a blank field is not sent). */
export interface BloodSpotForm {
  collectedAt?: IsoDateTime
  feeds: number | null
  transfused?: boolean
  lateReason?: 'PRETERM' | 'TRANSFERRED' | 'SICK' | 'EARLY_DISCHARGE' | null
}

export interface ResultForm {
  analyte: Analyte
  value: number
  cutoff?: number
}

/** `ScreeningForms.CaseStep` as the form holds it (a blank field is not sent). */
export interface CaseStepForm {
  step: 'RECALL' | 'ECHO_REFERRAL' | 'CONFIRMATION' | 'TREATMENT' | 'FOLLOW_UP' | (string & {})
  date: IsoDate
  confirmation?: 'CONFIRMED' | 'EXCLUDED' | null
  diagnosis?: string
  treatment?: string
  note?: string
  version: number
}

/** `ScreeningForms.Hearing` as the form holds it (a blank field is not sent). */
export interface HearingForm {
  stage: 'FIRST' | 'RESCREEN' | 'DIAGNOSIS' | 'INTERVENTION'
  method: string
  doneOn: IsoDate | null
  leftEar?: 'PASS' | 'REFER'
  rightEar?: 'PASS' | 'REFER'
  diagnosis?: 'NORMAL' | 'HEARING_LOSS' | null
  note?: string
}

export interface ChdForm {
  screenedAt?: IsoDateTime
  spo2Hand: number | null
  spo2Foot: number | null
  murmurGrade: number | null
}

export const screening = {
  worklist: (f: { status?: WorkStatus | ''; group?: WorkGroup | ''; page?: number; size?: number }) =>
    http.get<Page<WorkItem>>('/api/screening/worklist', { ...f }),
  samples: (f: { status?: string; page?: number; size?: number }) => http.get<Page<Sample>>('/api/screening/samples', { ...f }),
  batches: (f: { status?: string; page?: number; size?: number }) => http.get<Page<BatchView>>('/api/screening/batches', { ...f }),
  batch: (id: string) => http.get<BatchDetail>(path('/api/screening/batches', id)),
  send: (sampleIds: string[], labInstitutionCode?: string) => http.post<BatchView>('/api/screening/batches', { sampleIds, labInstitutionCode }),
  receive: (id: string, version: number) => http.post<BatchView>(path('/api/screening/batches', id, 'receive'), { version }),
  enterResults: (sampleId: string, results: ResultForm[]) => http.post<Sample>(path('/api/screening/samples', sampleId, 'results'), { results }),
  importCsv: (csv: string) => http.post<ImportReport>('/api/screening/results/import', csv, { contentType: 'text/csv' }),
  results: (f: { positive?: boolean; page?: number; size?: number }) => http.get<Page<Sample>>('/api/screening/results', { ...f }),
  /** Blank fields are not sent. */
  step: (caseId: string, form: CaseStepForm) => http.post<CaseView>(path('/api/screening/cases', caseId, 'steps'), compact(form))
}
