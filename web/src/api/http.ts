import axios, { type AxiosError } from 'axios'
import { i18n } from '../i18n'

/**
 * The one HTTP connection to fuyou: session cookie + the XSRF-TOKEN cookie echoed as
 * X-XSRF-TOKEN (Spring Security's SPA CSRF), the reader's language as Accept-Language.
 * Modules do not use it directly: they call the typed `http` helpers below from their own
 * `modules/<m>/api.ts`.
 */
export const api = axios.create({
  baseURL: '/',
  withCredentials: true,
  xsrfCookieName: 'XSRF-TOKEN',
  xsrfHeaderName: 'X-XSRF-TOKEN',
  withXSRFToken: true,
  // Lists as repeated parameters (`person=a&person=b`), the way Spring binds a List<…> parameter.
  paramsSerializer: { indexes: null }
})

// The server writes its messages in the reader's language (message bundles chosen by Accept-Language).
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

/** One page of a list, as every fuyou list endpoint answers (`page` is 0-based). */
export interface Page<T> {
  items: T[]
  total: number
  page: number
  size: number
}

/** A query-string value: empty strings, null and undefined are left out of the request. */
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[]
export type Query = Record<string, QueryValue>

/** Drop empty filter values so that the query string carries only what the user chose. */
export function params(o: Query): Query {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== null && v !== undefined))
}

/**
 * A request body without the fields a form left blank ('', null, undefined): the server then
 * reads them as absent. The result has the input's fields, each of them possibly left out.
 */
export function compact<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== null && v !== undefined)) as Partial<T>
}

/**
 * A number in a request body as a form holds it: a number, or the text typed into an input
 * (Jackson reads numeric text as the number; text that is not one is refused as a field error).
 */
export type NumberText = number | string

/** Optimistic locking: the record's version sent as If-Match (a stale write answers 409). */
export interface WriteOptions {
  ifMatch?: number | string
  contentType?: string
}

function headers(o?: WriteOptions): Record<string, string> | undefined {
  if (!o) return undefined
  const h: Record<string, string> = {}
  if (o.ifMatch !== undefined) h['If-Match'] = `"${o.ifMatch}"`
  if (o.contentType) h['Content-Type'] = o.contentType
  return h
}

/**
 * Typed calls: each resolves to the response body typed by the caller's DTO, and rejects with
 * the axios error (turn it into a `Problem` with `problemOf`). Query values that are empty are
 * dropped.
 */
export const http = {
  async get<T>(url: string, query?: Query): Promise<T> {
    return (await api.get<T>(url, { params: query && params(query) })).data
  },
  async post<T = void>(url: string, body?: unknown, o?: WriteOptions): Promise<T> {
    return (await api.post<T>(url, body, { headers: headers(o) })).data
  },
  async put<T = void>(url: string, body?: unknown, o?: WriteOptions): Promise<T> {
    return (await api.put<T>(url, body, { headers: headers(o) })).data
  },
  async patch<T = void>(url: string, body?: unknown, o?: WriteOptions): Promise<T> {
    return (await api.patch<T>(url, body, { headers: headers(o) })).data
  },
  async delete<T = void>(url: string, query?: Query, o?: WriteOptions): Promise<T> {
    return (await api.delete<T>(url, { params: query && params(query), headers: headers(o) })).data
  },
  /** A file (PDF, .xlsx) as a Blob. */
  async blob(url: string, query?: Query): Promise<Blob> {
    return (await api.get<Blob>(url, { params: query && params(query), responseType: 'blob' })).data
  }
}

/** `encodeURIComponent` for one path segment: `path('/api/births/', id)`. */
export function path(...parts: (string | number)[]): string {
  return parts.map((p, i) => (i === 0 ? String(p) : encodeURIComponent(String(p)))).join('/').replace(/\/{2,}/g, '/')
}
