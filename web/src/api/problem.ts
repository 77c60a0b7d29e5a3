import type { AxiosError } from 'axios'
import { ElMessage } from 'element-plus'
import { i18n } from '../i18n'

/** RFC 9457 problem details, with fuyou's `code`, field `errors` and extra properties. */
export interface Problem {
  status: number
  type?: string
  title?: string
  code?: string
  detail?: string
  errors?: FieldError[]
  [k: string]: unknown
}

/** One field the server refused: `field` is the request's path (`babies[0].weightG`). */
export interface FieldError {
  field: string
  message: string
}

/**
 * Messages and problems come from the server in the reader's language (message bundles chosen
 * by Accept-Language). Stored data written before that (a "<Chinese> / <English>" text in a record) is
 * cut here to the half the reader reads.
 */
export function localized(msg: string | null | undefined): string {
  if (!msg) return ''
  const parts = msg.split(/\s+\/\s+/)
  if (parts.length !== 2 || !/[\u4e00-\u9fff]/.test(parts[0]) || /[\u4e00-\u9fff]/.test(parts[1])) return msg
  return i18n.global.locale.value === 'en' ? parts[1] : parts[0]
}

export function problemOf(e: unknown): Problem {
  const err = e as AxiosError<Problem>
  const data = err.response?.data
  if (err.response && data && typeof data === 'object') return { ...data, status: err.response.status }
  if (err.response) return { status: err.response.status, detail: err.response.statusText }
  return { status: 0, detail: String((e as Error)?.message ?? e) }
}

/** A one-line message for the user: the problem's detail, else a generic text in the UI language. */
export function messageOf(p: Problem): string {
  const t = i18n.global.t
  if (p.errors?.length && p.code === 'invalid-field') return t('common.checkFields')
  if (p.detail) return p.detail
  if (p.status === 0) return t('common.network')
  return t('common.errorStatus', { status: p.status })
}

/** Field errors by field name, for el-form-item :error. */
export function fieldErrors(p: Problem): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of p.errors ?? []) out[f.field] = f.message
  return out
}

export function toastProblem(e: unknown): Problem {
  const p = problemOf(e)
  ElMessage.error(messageOf(p))
  return p
}
