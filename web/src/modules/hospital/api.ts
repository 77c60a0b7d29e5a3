/** The hospital module's calls and shapes (mirrors of `cn.fuyou.hospital.*`). */
import { http, path, type Page } from '../../api'

/** `HospitalStatistics.WardOccupancy`: one ward's daily census and occupancy (%). */
export interface WardOccupancy {
  wardCode: string
  nameZh: string
  nameEn: string
  beds: number
  census: number[]
  occupancy: number[]
  meanOccupancy: number
}

/** `HospitalStatistics.ReferrerCount`: NICU admissions from one referring institution, by gestational-age band. */
export interface ReferrerCount {
  institutionCode: string
  nameZh: string
  nameEn: string
  byBand: Record<string, number>
  total: number
}

/** `HospitalStatistics.ArrivalTimes`. */
export interface ArrivalTimes {
  transfers: number
  medianMinutes: number | null
  p90Minutes: number | null
  withinTarget: number
  targetMinutes: number
}

/** `HospitalStatistics.Outcome`: NICU discharges of one gestational-age band. */
export interface GaOutcome {
  band: string
  discharged: number
  died: number
  mortalityPercent: number | null
  byOutcome: Record<string, number>
  meanLengthOfStay: number | null
}

/** `HospitalStatistics.Figures`. */
export interface HospitalFigures {
  institutionCode: string
  institutionNameZh: string
  from: string
  to: string
  days: string[]
  occupancy: WardOccupancy[]
  nicuAdmissionsByReferrer: ReferrerCount[]
  arrivals: ArrivalTimes
  outcomesByGestationalAge: GaOutcome[]
}

/** `BedBoard.TypeCount`: beds of one type by state. */
export interface TypeCount {
  type: string
  total: number
  free: number
  occupied: number
  reserved: number
  cleaning: number
  closed: number
}

/** `BedBoard.NetworkCapacity`: free intensive-care capacity of one hospital (counts only). */
export interface NetworkCapacity {
  institutionCode: string
  nameZh: string
  nameEn: string
  areaCode: string | null
  foreignNationals: boolean
  capacity: TypeCount[]
  freeNeonatal: number
  freePaediatricIntensive: number
}

/** `TransferRequests.Transfer`: a request to transfer a newborn to an intensive-care bed (a referral). */
export interface Transfer {
  referralId: string
  childId: string | null
  childName: string | null
  fromInstitutionCode: string
  fromInstitutionName: string | null
  toInstitutionCode: string
  toInstitutionName: string | null
  bedType: string
  gestationalAgeDays: number | null
  birthWeightG: number | null
  foreignNational: boolean
  interpreterNeeded: boolean
  interpreterLanguage: string | null
  requestedAt: string
  referralState: string
  reservationId: string | null
  admissionId: string | null
}

/** The transfer-request form of the capacity page (weeks + days of gestation, sent as `gestationalAgeDays`). */
export interface TransferForm {
  childId: string
  bedType: string
  reason: string
  weeks: number | undefined
  days: number
  birthWeightG: number | undefined
  toInstitutionCode: string
  interpreterNeeded: boolean
  interpreterLanguage: string
}

/** `Admissions.Stay`: one bed of an admission, from–to. */
export interface BedStay {
  wardCode: string
  wardNameZh: string
  wardNameEn: string
  bedLabel: string
  bedType: string
  fromAt: string
  toAt: string | null
  reason: string | null
}

/** `Admissions.Admission`: one NICU/PICU admission with its bed history and discharge. */
export interface Admission {
  id: string
  institutionCode: string
  childId: string
  childName: string
  childSex: string | null
  birthDate: string | null
  referralId: string | null
  referringInstitutionCode: string | null
  referringInstitutionName: string | null
  bedId: string | null
  wardCode: string | null
  bedLabel: string | null
  bedType: string
  requestedAt: string | null
  admittedAt: string | null
  requestToArrivalMinutes: number | null
  gestationalAgeDays: number | null
  gestationalAgeBand: string | null
  birthWeightG: number | null
  ageDays: number
  diagnoses: string[]
  foreignNational: boolean
  nationality: string | null
  passportNumber: string | null
  interpreterNeeded: boolean
  interpreterLanguage: string | null
  state: string
  dischargedAt: string | null
  outcome: string | null
  dischargeDiagnoses: string[]
  summary: string | null
  followUpInstitutionCode: string | null
  followUpInstitutionName: string | null
  followUpPlan: string | null
  lengthOfStayDays: number | null
  stays: BedStay[]
  version: number
}

/** A free bed offered for a transfer within the hospital (from the bed board). */
export interface FreeBed { id: string; label: string; type: string }

/** `BedBoard.Holder`: who holds a reserved or occupied bed. */
export interface BedHolder {
  reservationId?: string | null
  admissionId?: string | null
  childId?: string | null
  childName?: string | null
  referralId?: string | null
  expiresAt?: string | null
  admittedAt?: string | null
}

/** `BedBoard.BedView`: one bed; `holder` and `moves` (the states it may move to) only for the hospital's own staff. */
export interface BedView {
  id: string
  wardCode: string
  label: string
  type: string
  state: string
  version: number
  holder?: BedHolder | null
  moves?: string[] | null
}

/** `BedBoard.WardView`: one ward's capacity, with its beds for the hospital's own staff. */
export interface WardView {
  wardCode: string
  nameZh: string
  nameEn?: string | null
  divisionCode: string
  divisionNameZh?: string | null
  divisionNameEn?: string | null
  capacity: TypeCount[]
  beds?: BedView[] | null
}

/** `BedBoard.Board`: a hospital's bed board (`capacityOnly`: counts only, for another institution's staff). */
export interface Board {
  institutionCode: string
  institutionNameZh?: string | null
  institutionNameEn?: string | null
  capacityOnly: boolean
  asOf: string
  totals: TypeCount[]
  wards: WardView[]
}

/** `BedReservations.Reservation`: a bed held for a child or a transfer until it expires. */
export interface Reservation {
  id: string
  bedId: string
  wardCode: string
  bedLabel: string
  bedType: string
  childId?: string | null
  childName?: string | null
  referralId?: string | null
  expiresAt: string
  state: string
  createdAt: string
  createdBy: string
  version: number
}

/** `BedReservations.NewReservation`: a bed held for a child, or for the child of a transfer request. */
export interface NewReservation {
  childId?: string
  referralId?: string
  expiresAt?: string
}

/** `Admissions.NewAdmission`: either a reservation (she arrives on the bed held for her) or a bed and a child (direct admission). */
export interface NewAdmission {
  reservationId?: string
  bedId?: string
  childId?: string
  admittedAt?: string
  diagnoses: string[]
  gestationalAgeDays?: number
  birthWeightG?: number
  interpreterNeeded?: boolean
  interpreterLanguage?: string
}

/** `TransferRequests.NewTransfer`: a request for an intensive-care bed at another hospital. */
export interface NewTransfer {
  childId?: string
  bedType: string
  reason: string
  toInstitutionCode?: string
  gestationalAgeDays?: number
  birthWeightG?: number
  findings?: string[]
  summary?: string
  interpreterNeeded?: boolean
  interpreterLanguage?: string
}

/** `Admissions.DischargeForm`. */
export interface DischargeForm {
  dischargedAt?: string
  outcome: string
  diagnoses: string[]
  summary?: string
  followUpInstitutionCode?: string
  followUpPlan?: string
  version: number
}

export const beds = {
  /** A hospital's bed board (`institution` blank: the caller's own). */
  board: (institution: string) => http.get<Board>('/api/hospital/bed-board', { institution }),
  /** Free intensive-care capacity of every hospital. */
  capacity: () => http.get<NetworkCapacity[]>('/api/hospital/capacity'),
  move: (bedId: string, state: string, version: number) => http.post<BedView>(path('/api/hospital/beds', bedId, 'state'), { state, version }),
  reserve: (bedId: string, r: NewReservation) => http.post<Reservation>(path('/api/hospital/beds', bedId, 'reservations'), r),
  /** The hospital's active reservations. */
  reservations: () => http.get<Reservation[]>('/api/hospital/reservations'),
  cancelReservation: (id: string, version: number) => http.post<Reservation>(path('/api/hospital/reservations', id, 'cancel'), { version })
}

export const transfers = {
  request: (t: NewTransfer) => http.post<Transfer>('/api/hospital/transfer-requests', t),
  list: (f: { direction?: 'incoming' | 'outgoing'; open?: boolean; page?: number; size?: number }) => http.get<Page<Transfer>>('/api/hospital/transfer-requests', { ...f })
}

export const admissions = {
  admit: (a: NewAdmission) => http.post<Admission>('/api/hospital/admissions', a),
  list: (f: { state?: string; page?: number; size?: number }) => http.get<Page<Admission>>('/api/hospital/admissions', { ...f }),
  get: (id: string) => http.get<Admission>(path('/api/hospital/admissions', id)),
  /** To another bed of the hospital (`bedId` left out: the ward chooses). */
  transfer: (id: string, t: { bedId?: string; reason: string; version: number }) => http.post<Admission>(path('/api/hospital/admissions', id, 'transfers'), t),
  discharge: (id: string, f: DischargeForm) => http.post<Admission>(path('/api/hospital/admissions', id, 'discharge'), f)
}

export const hospitalStatistics = {
  /** `institution` blank: the caller's own. */
  figures: (q: { institution: string; from?: string; to?: string }) => http.get<HospitalFigures>('/api/hospital/statistics', q)
}
