// Types of the stats endpoints (mirrors of cn.fuyou.reporting records).

/** IndicatorFigures.RecordItem — one record behind an indicator's numerator or denominator. */
export interface IndicatorRecord {
  personId: string | null
  personName: string | null
  institutionCode: string | null
  institutionNameZh: string | null
  institutionNameEn: string | null
  areaCode: string
  date: string | null
  colour: string | null
  sourceKind: string | null
  sourceId: string | null
}

/** `DataQuality.Row`: one institution's data-quality counts. */
export interface QualityRow {
  institutionCode: string
  nameZh: string
  nameEn: string
  contacts: number
  missing: number
  implausible: number
  late: number
  deliveries: number
  deliveriesMissing: number
  problemShare: number
}

/** `DataQuality.Item`: one record behind a data-quality count. */
export interface QualityItem {
  pregnancyId: string
  womanId: string
  womanName: string | null
  date: string | null
  enteredOn: string | null
  problem: string
}

/** `IndicatorReports.Step`: one step of the antenatal-care funnel. */
export interface FunnelStep {
  measure: string
  nameZh: string
  nameEn: string
  count: number
}

/** `IndicatorReports.Mix`: risk-colour mix of women delivered and live births, and the care funnel. */
export interface Mix {
  area: string
  from: string
  to: string
  edition: string
  womenDelivered: Record<string, number>
  liveBirths: Record<string, number>
  funnel: FunnelStep[]
}
