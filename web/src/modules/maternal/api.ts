/** The maternal module's shapes (mirrors of `cn.fuyou.maternal.*`). */

/** `MaternalWorklists.Item`: one line of the antenatal/postpartum worklist. */
export interface WorklistItem {
  kind: string
  pregnancyId: string
  personId: string
  personName: string | null
  colour: string | null
  purple: boolean
  itemCode: string | null
  labelZh: string | null
  labelEn: string | null
  dueFrom: string | null
  dueUntil: string | null
  status: 'DUE' | 'OVERDUE' | (string & {})
}
