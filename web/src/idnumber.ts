/** GB 11643 resident ID: 18 characters, ISO 7064 MOD 11-2 check character (checked again by the server). */
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const C = '10X98765432'

export function checkIdNumber(raw: string): { ok: boolean; reason?: 'length' | 'checksum' | 'date'; birthDate?: string; sex?: 'F' | 'M' } {
  const s = raw.trim().toUpperCase()
  if (!/^\d{17}[\dX]$/.test(s)) return { ok: false, reason: 'length' }
  const y = +s.slice(6, 10), m = +s.slice(10, 12), d = +s.slice(12, 14)
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { ok: false, reason: 'date' }
  let sum = 0
  for (let i = 0; i < 17; i++) sum += +s[i] * W[i]
  if (C[sum % 11] !== s[17]) return { ok: false, reason: 'checksum' }
  return { ok: true, birthDate: `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`, sex: +s[16] % 2 === 1 ? 'M' : 'F' }
}
