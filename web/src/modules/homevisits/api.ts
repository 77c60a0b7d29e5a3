import { get, post, put } from '../../../m/http'

export interface PostpartumVisit { id: string; version: number; visitDate: string; findings: string | null; systolic: number | null; diastolic: number | null; changedBy: string }
export interface Baby { childId: string; name: string; sex: string }
export interface PostpartumDue {
  pregnancyId: string; womanId: string; womanName: string; phone: string | null; address: string | null; deliveredOn: string; dischargedOn: string | null
  dueFrom: string; dueUntil: string; status: 'DUE' | 'OVERDUE' | 'DONE'; visit: PostpartumVisit | null; babies: Baby[]
}
export interface NewbornVisit { id: string; version: number; visitDate: string; weightKg: number | null; feeding: string | null; findings: string | null; changedBy: string }
export interface NewbornState { childId: string; name: string; sex: string; birthDate: string; dueFrom: string; dueUntil: string; status: string; visit: NewbornVisit | null }
export interface StaffMe { username: string; displayName: string; institutionNameZh: string | null; institutionNameEn: string | null }

export const homeVisitsApi = {
  me: () => get<StaffMe>('/api/auth/me'),
  login: (username: string, password: string) => post<StaffMe>('/api/auth/login', { username, password }),
  postpartum: () => get<PostpartumDue[]>('/api/maternal/home-visits'),
  newborns: (childIds: string[]) =>
    childIds.length ? get<NewbornState[]>('/api/childhealth/home-visits?' + childIds.map((c) => 'childId=' + encodeURIComponent(c)).join('&')) : Promise.resolve([]),
  syncPostpartum: (pregnancyId: string, body: unknown) => put<PostpartumVisit>(`/api/maternal/home-visits/${encodeURIComponent(pregnancyId)}`, body),
  syncNewborn: (childId: string, body: unknown) => put<NewbornVisit>(`/api/childhealth/home-visits/${encodeURIComponent(childId)}`, body)
}
