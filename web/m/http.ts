/** A small fetch client for the phone pages (no axios in the shell): JSON, the XSRF cookie echoed, problem+json errors. */
export interface Problem {
  status: number
  code?: string
  detail?: string
  errors?: { field: string; message: string }[]
  [k: string]: unknown
}

export class HttpError extends Error {
  constructor(public problem: Problem) {
    super(problem.detail || `HTTP ${problem.status}`)
  }
}

let language = 'zh-CN'
export function setHttpLanguage(lang: string) {
  language = lang
}

function xsrf(): string | undefined {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/)
  return m ? decodeURIComponent(m[1]) : undefined
}

export async function http<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language === 'en' ? 'en' : 'zh-CN,zh;q=0.9' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET') {
    let token = xsrf()
    if (!token) {
      await fetch('/api/mother/me', { credentials: 'same-origin' }).catch(() => undefined) // any response sets the cookie
      token = xsrf()
    }
    if (token) headers['X-XSRF-TOKEN'] = token
  }
  let res: Response
  try {
    res = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) })
  } catch {
    throw new HttpError({ status: 0, code: 'offline' })
  }
  const text = await res.text()
  const data = text ? JSON.parse(text) : undefined
  if (!res.ok) throw new HttpError({ ...(data && typeof data === 'object' ? data : {}), status: res.status })
  return data as T
}

export const get = <T>(url: string) => http<T>('GET', url)
export const post = <T>(url: string, body?: unknown) => http<T>('POST', url, body ?? {})
export const put = <T>(url: string, body: unknown) => http<T>('PUT', url, body)

export function problemOf(e: unknown): Problem {
  return e instanceof HttpError ? e.problem : { status: 0, code: 'offline' }
}
