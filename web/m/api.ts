import { get, post } from './http'

export interface Me { personId: string; displayName: string }
export interface Visit { code: string; labelZh: string; labelEn: string; dueFrom: string; dueUntil: string; doneOn: string | null; status: 'DONE' | 'UPCOMING' | 'DUE' | 'OVERDUE' }
export interface Result { code: string; date: string; value: string; level: 'NORMAL' | 'ATTENTION' }
export interface Pregnancy {
  id: string; status: 'OPEN' | 'DELIVERED' | 'CLOSED'; edd: string; weeks: number | null; days: number | null; daysToEdd: number | null
  nextVisit: Visit | null; nextAppointment: string | null; overdue: Visit[]; schedule: Visit[]; results: Result[]
  colour: 'GREEN' | 'YELLOW' | 'ORANGE' | 'RED' | null; purple: boolean; requiredLevel: number
  careInstitutionZh: string | null; careInstitutionEn: string | null; careInstitutionOk: boolean; deliveredOn: string | null; postpartum: Visit[]
}
export interface ChildLine { childId: string; name: string; sex: string; birthDate: string; ageMonths: number; nextVisit: Visit | null; overdue: number }
export interface Home { personId: string; name: string; pregnancy: Pregnancy | null; children: ChildLine[]; unread: number }
export interface GrowthPoint { date: string; ageDays: number; weightKg: number | null; lengthCm: number | null; headCircumferenceCm: number | null; waz: number | null; lhaz: number | null; whz: number | null; classification: string[] }
export interface Child { childId: string; name: string; sex: string; birthDate: string; ageDays: number; ageMonths: number; schedule: Visit[]; growth: GrowthPoint[]; latestClassification: string[] }
export interface ItemSummary { id: string; kind: 'ARTICLE' | 'HANDBOOK' | 'VIDEO'; title: string; summary: string | null; topics: string[]; weekFrom: number | null; weekTo: number | null; ageFromMonths: number | null; ageToMonths: number | null }
export interface Item extends ItemSummary { html: string | null; fileName: string | null; videoUrl: string | null }
export interface Assignment { id: string; itemId: string; title: string; kind: string; note: string | null; assignedAt: string; readAt: string | null }
export interface Education { week: number | null; forWeek: ItemSummary[]; forChildren: { childId: string; name: string; ageMonths: number; items: ItemSummary[] }[]; assigned: Assignment[] }
export interface Message { id: string; kind: string; subjectId: string; labelZh: string; labelEn: string; dueFrom: string | null; dueUntil: string | null; createdAt: string; readAt: string | null }
export interface CurvePoint { x: number; sd3neg: number; sd2neg: number; sd1neg: number; median: number; sd1: number; sd2: number; sd3: number }
export interface Curves { points: CurvePoint[] }

export const motherApi = {
  activate: (idNumber: string, code: string, password: string) => post<Me>('/api/mother/auth/activate', { idNumber, code, password }),
  login: (idNumber: string, password: string) => post<Me>('/api/mother/auth/login', { idNumber, password }),
  logout: () => post<void>('/api/mother/auth/logout'),
  me: () => get<Me>('/api/mother/me'),
  home: () => get<Home>('/api/mother/home'),
  child: (id: string) => get<Child>(`/api/mother/children/${encodeURIComponent(id)}`),
  education: () => get<Education>('/api/mother/education'),
  item: (id: string) => get<Item>(`/api/mother/education/${encodeURIComponent(id)}`),
  inbox: () => get<Message[]>('/api/mother/inbox'),
  read: (id: string) => post<void>(`/api/mother/inbox/${encodeURIComponent(id)}/read`)
}
export const curves = (sex: 'male' | 'female', toDays: number) => get<Curves>(`/api/growth/curves?indicator=weightForAge&sex=${sex}&fromDays=0&toDays=${toDays}`)
