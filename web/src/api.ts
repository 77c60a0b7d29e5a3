import axios, { AxiosError } from 'axios'
import { ElMessage } from 'element-plus'

/** Session cookie + the XSRF-TOKEN cookie echoed as X-XSRF-TOKEN (Spring Security's SPA CSRF). */
export const api = axios.create({
  baseURL: '/',
  withCredentials: true,
  xsrfCookieName: 'XSRF-TOKEN',
  xsrfHeaderName: 'X-XSRF-TOKEN',
  withXSRFToken: true
})

export interface Problem {
  status: number
  code?: string
  detail?: string
  errors?: { field: string; message: string }[]
  [k: string]: unknown
}

export function problemOf(e: unknown): Problem {
  const err = e as AxiosError<Problem>
  if (err.response?.data && typeof err.response.data === 'object') return { ...err.response.data, status: err.response.status }
  return { status: 0, detail: String((e as Error)?.message ?? e) }
}

/** Field errors by field name, for el-form-item :error. */
export function fieldErrors(p: Problem): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of p.errors ?? []) out[f.field] = f.message
  return out
}

export function toastProblem(e: unknown) {
  const p = problemOf(e)
  ElMessage.error(p.detail || `HTTP ${p.status}`)
  return p
}

export interface Page<T> { items: T[]; total: number; page: number; size: number }
