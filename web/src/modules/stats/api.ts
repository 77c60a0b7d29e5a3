/** The statistics calls and shapes (mirrors of `cn.fuyou.reporting` records). */
import { http, path, type Page } from '../../api'
import type { Area } from '../../areas'

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

/** `IndicatorCatalogue.Indicator`: one indicator of the catalogue (`unit` "%", "‰", "1/10000", "1/100000" …). */
export interface CatalogueIndicator {
  code: string
  nameZh: string
  nameEn: string
  numerator: string
  denominator: string
  multiplier: number
  unit: string
  /** Decimals the figures are given to and shown with. */
  precision: number
  source?: string | null
  group: string
  order: number
  module: string
  edition: string
}

/** The catalogue and the reader's scope: her home area and its parts, and the colours a filter may name. */
export interface Catalogue {
  edition: string
  indicators: CatalogueIndicator[]
  homeArea: string
  parts: Area[]
  colours: string[]
}

/** `IndicatorFigures.Figure`: one indicator over the chosen area and period (`value` null when the denominator is 0). */
export interface Figure {
  code: string
  nameZh: string
  nameEn: string
  numerator: number
  denominator: number
  value: number | null
  unit: string
  /** Decimals `value` is given to and shown with. */
  precision: number
}

/** `IndicatorReports.Overview`. */
export interface Overview {
  area: string
  from: string
  to: string
  institution?: string | null
  edition: string
  indicators: Figure[]
}

/** `IndicatorReports.Row`: one area, month or institution of a breakdown (`rank` only in a league table). */
export interface BreakdownRow {
  key: string
  nameZh: string
  nameEn: string
  numerator: number
  denominator: number
  value: number | null
  rank: number | null
}

/** `IndicatorReports.Breakdown`: one indicator by area, by month or by institution. */
export interface Breakdown {
  code: string
  nameZh: string
  nameEn: string
  unit: string
  /** Decimals every row's value is given to and shown with. */
  precision: number
  area: string
  from: string
  to: string
  edition: string
  rows: BreakdownRow[]
  /** A league table ranks only rows with at least this denominator (absent: not a league table). */
  minDenominator?: number
}

/** `AnnualReports.Column`. */
export interface AnnualColumn {
  key: string
  nameZh: string
  nameEn: string
  unit?: string | null
  /** An indicator column's decimals (absent for a count column). */
  precision?: number | null
}

/** `AnnualReports.TableRow`: one area's values, in the columns' order (null: not computable). */
export interface AnnualRow {
  area: string
  nameZh: string
  nameEn: string
  values: (number | null)[]
}

/** `AnnualReports.Table`: the maternal or child annual report of an area. */
export interface AnnualTable {
  kind: string
  area: string
  areaNameZh: string
  year: number
  from: string
  to: string
  edition: string
  columns: AnnualColumn[]
  rows: AnnualRow[]
  total: AnnualRow
}

/** `NetworkStats.Summary`: the network's size on the home page. */
export interface NetworkSummary {
  persons: number
  women: number
  children: number
  institutions: number
  allianceMembers: number
  byType: { type: string; count: number }[]
  byLevel: { level: number; count: number }[]
  byArea: { areaCode: string; nameZh: string; nameEn: string; institutions: number; persons: number }[]
}

/** The scope every figure is computed over (`institution` blank: the whole area). */
export interface Scope {
  area: string
  from: string
  to: string
  institution?: string
  colour?: string
}

export const stats = {
  catalogue: () => http.get<Catalogue>('/api/stats/catalogue'),
  indicators: (s: Scope) => http.get<Overview>('/api/stats/indicators', { ...s }),
  mix: (s: Scope) => http.get<Mix>('/api/stats/mix', { ...s }),
  byArea: (code: string, s: Scope) => http.get<Breakdown>(path('/api/stats/indicators', code, 'by-area'), { ...s }),
  trend: (code: string, s: Scope) => http.get<Breakdown>(path('/api/stats/indicators', code, 'trend'), { ...s }),
  byInstitution: (code: string, s: Scope) => http.get<Breakdown>(path('/api/stats/indicators', code, 'by-institution'), { ...s }),
  /** The records behind an indicator's numerator or denominator. */
  records: (code: string, q: Scope & { part: 'numerator' | 'denominator'; page?: number; size?: number }) =>
    http.get<Page<IndicatorRecord>>(path('/api/stats/indicators', code, 'records'), { ...q }),
  dataQuality: (s: Scope) => http.get<QualityRow[]>('/api/stats/data-quality', { ...s }),
  dataQualityItems: (q: Scope & { problem: string; page?: number; size?: number }) => http.get<Page<QualityItem>>('/api/stats/data-quality/items', { ...q }),
  annualReport: (q: { kind: 'maternal' | 'child'; area: string; year: number }) => http.get<AnnualTable>('/api/stats/annual-report', q),
  network: () => http.get<NetworkSummary>('/api/stats/network')
}
