/** Signing in (mirror of `cn.fuyou.security.web.AuthController`). */
import { http } from '../../api'
import type { Me } from '../../session'

export const auth = {
  /** Signs in (the session cookie is set by the answer); resolves to the signed-in user, `Login.Me`. */
  login: (username: string, password: string) => http.post<Me>('/api/auth/login', { username, password })
}
