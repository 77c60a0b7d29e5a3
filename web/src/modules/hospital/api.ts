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
