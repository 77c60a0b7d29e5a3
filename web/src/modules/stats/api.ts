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
