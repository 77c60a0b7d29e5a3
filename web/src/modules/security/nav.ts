/**
 * Issue 15: which menu sections each role sees — the web side of the access tables (src/main/resources/access/*.json).
 * Regional officials work with aggregates, case lists and oversight (reviews, notices); the clinical worklists, person
 * search, referrals, births, hospital and child-health entries are not theirs, so they are not shown. Hiding a menu is
 * convenience only: the server refuses what a role may not do.
 */
export type NavSection = 'clinical' | 'oversight' | 'statistics' | 'directory' | 'admin'

const HIDDEN: Record<string, readonly NavSection[]> = {
  REGIONAL_OFFICIAL: ['clinical'],
}

export function showsSection(role: string | undefined, section: NavSection): boolean {
  if (!role) return false
  return !(HIDDEN[role] ?? []).includes(section)
}
