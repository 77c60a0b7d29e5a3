import { reactive } from 'vue'
import { api } from './api'

export interface Me {
  username: string; displayName: string; role: string; institutionId: string; institutionCode: string
  institutionNameZh?: string; institutionNameEn?: string; areaCode?: string
}

/** The signed-in user; loaded once at start (the call also obtains the XSRF-TOKEN cookie). */
export const session = reactive<{ me: Me | null; loaded: boolean }>({ me: null, loaded: false })

export async function loadSession() {
  try {
    session.me = (await api.get<Me>('/api/auth/me')).data
  } catch {
    session.me = null
  }
  session.loaded = true
}

export const isAdmin = () => session.me?.role === 'SYSTEM_ADMIN' || session.me?.role === 'INSTITUTION_ADMIN'
