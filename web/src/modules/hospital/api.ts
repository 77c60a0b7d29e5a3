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
