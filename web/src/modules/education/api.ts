import { api } from '../../api'

export type Kind = 'ARTICLE' | 'HANDBOOK' | 'VIDEO'
export interface ItemSummary { id: string; kind: Kind; title: string; summary: string | null; language: string; topics: string[]; weekFrom: number | null; weekTo: number | null; ageFromMonths: number | null; ageToMonths: number | null; status: 'DRAFT' | 'PUBLISHED' | 'WITHDRAWN'; version: number }
export interface Item extends ItemSummary { html: string | null; markdown: string | null; fileName: string | null; fileType: string | null; videoUrl: string | null; publishedAt: string | null; changedAt: string; changedBy: string }
export interface Page<T> { items: T[]; total: number; page: number; size: number }
export interface Options { kinds: Kind[]; topics: string[]; languages: string[]; editor: boolean; mayAssign: boolean }
export interface ItemForm { kind: Kind; title: string; summary: string | null; markdown: string | null; videoUrl: string | null; language: string; topics: string[]; weekFrom: number | null; weekTo: number | null; ageFromMonths: number | null; ageToMonths: number | null; version?: number }
export interface Query { q?: string; topic?: string; kind?: string; status?: string; week?: number; ageMonths?: number; page: number; size: number }
export interface PersonHit { id: string; fullName: string; idNumber: string; sex: string }

export const educationApi = {
  options: () => api.get<Options>('/api/education/options').then((r) => r.data),
  list: (q: Query) => api.get<Page<ItemSummary>>('/api/education/items', { params: q }).then((r) => r.data),
  get: (id: string) => api.get<Item>(`/api/education/items/${id}`).then((r) => r.data),
  create: (f: ItemForm) => api.post<Item>('/api/education/items', f).then((r) => r.data),
  update: (id: string, f: ItemForm) => api.put<Item>(`/api/education/items/${id}`, f).then((r) => r.data),
  attach: (id: string, file: File, version: number) => {
    const data = new FormData()
    data.append('file', file)
    return api.post<Item>(`/api/education/items/${id}/file?version=${version}`, data).then((r) => r.data)
  },
  publish: (id: string, version: number) => api.post<Item>(`/api/education/items/${id}/publish`, { version }).then((r) => r.data),
  withdraw: (id: string, version: number) => api.post<Item>(`/api/education/items/${id}/withdraw`, { version }).then((r) => r.data),
  assign: (id: string, personId: string, note: string) => api.post(`/api/education/items/${id}/assignments`, { personId, note }).then((r) => r.data),
  persons: (q: string) => api.get<Page<PersonHit>>('/api/persons', { params: { q, size: 10 } }).then((r) => r.data.items)
}
