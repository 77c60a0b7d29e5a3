/** The hospital module's shapes (mirrors of `cn.fuyou.hospital.*`). */

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
