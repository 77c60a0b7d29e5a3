/**
 * fuyou's typed web client. Modules write their calls and DTO types in
 * `modules/<m>/api.ts` over `http` (see /work/coord/PATTERN-web.md → README "Web client").
 */
export { api, compact, http, params, path, whenUnauthenticated } from './http'
export type { NumberText, Page, Query, QueryValue, WriteOptions } from './http'
export { fieldErrors, localized, messageOf, problemOf, toastProblem } from './problem'
export type { FieldError, Problem } from './problem'
