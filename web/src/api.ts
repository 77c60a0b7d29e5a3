import axios, { AxiosError } from 'axios'
import { ElMessage } from 'element-plus'
import { i18n } from './i18n'

/** Session cookie + the XSRF-TOKEN cookie echoed as X-XSRF-TOKEN (Spring Security's SPA CSRF). */
export const api = axios.create({
  baseURL: '/',
  withCredentials: true,
  xsrfCookieName: 'XSRF-TOKEN',
  xsrfHeaderName: 'X-XSRF-TOKEN',
  withXSRFToken: true
})

// The server may localize its messages; tell it which language the user reads.
api.interceptors.request.use((config) => {
  config.headers.set('Accept-Language', i18n.global.locale.value === 'en' ? 'en' : 'zh-CN,zh;q=0.9')
  return config
})

/** Called when a request made while signed in answers 401 (session expired): the shell sends the user to the login page. */
let onUnauthenticated: (() => void) | undefined
export function whenUnauthenticated(f: () => void) {
  onUnauthenticated = f
}
api.interceptors.response.use(undefined, (e: AxiosError) => {
  const url = e.config?.url ?? ''
  if (e.response?.status === 401 && !url.includes('/api/auth/')) onUnauthenticated?.()
  return Promise.reject(e)
})

/** RFC 9457 problem details, with fuyou's `code`, field `errors` and extra properties. */
export interface Problem {
  status: number
  type?: string
  title?: string
  code?: string
  detail?: string
  errors?: { field: string; message: string }[]
  [k: string]: unknown
}

/**
 * The server writes some messages in both languages, "中文 / English":
 * show the half that matches the UI language.
 */
export function localized(msg: string | undefined): string {
  if (!msg) return ''
  const parts = msg.split(/\s+\/\s+/)
  if (parts.length !== 2 || !/[\u4e00-\u9fff]/.test(parts[0]) || /[\u4e00-\u9fff]/.test(parts[1])) return msg
  return i18n.global.locale.value === 'en' ? parts[1] : parts[0]
}

export function problemOf(e: unknown): Problem {
  const err = e as AxiosError<Problem>
  const data = err.response?.data
  if (data && typeof data === 'object') return { ...data, status: err.response!.status }
  if (err.response) return { status: err.response.status, detail: err.response.statusText }
  return { status: 0, detail: String((e as Error)?.message ?? e) }
}

/** A one-line message for the user: the problem's detail (localized), else a generic text in the UI language. */
export function messageOf(p: Problem): string {
  const t = i18n.global.t
  if (p.errors?.length && p.code === 'invalid-field') return t('common.checkFields')
  if (p.detail) return localized(p.detail)
  if (p.status === 0) return t('common.network')
  return t('common.errorStatus', { status: p.status })
}

/** Field errors by field name, for el-form-item :error. */
export function fieldErrors(p: Problem): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of p.errors ?? []) out[f.field] = localized(f.message)
  return out
}

export function toastProblem(e: unknown) {
  const p = problemOf(e)
  ElMessage.error(messageOf(p))
  return p
}

export interface Page<T> { items: T[]; total: number; page: number; size: number }

/** Drop empty filter values so that the query string carries only what the user chose. */
export function params(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== null && v !== undefined))
}
