/**
 * A `datetime-local` input's value is the browser's own local time. Sent as an instant (UTC, `Z`)
 * computed from the browser's real offset — never with a guessed `+08:00` appended, which is wrong
 * for a browser outside China time. The server shows and dates it in China time.
 */
export function localInputToInstant(v: string): string {
  if (!v) return ''
  const d = new Date(v)
  return Number.isNaN(d.getTime()) ? v : d.toISOString()
}
