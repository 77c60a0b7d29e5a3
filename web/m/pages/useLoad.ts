import { ref } from 'vue'
import { useRouter } from 'vue-router'
import { problemOf } from '../http'

/** Loads one thing for a page: 401 sends her to sign in; other failures become a calm message key. */
export function useLoad<T>(load: () => Promise<T>) {
  const router = useRouter()
  const data = ref<T>()
  const error = ref<string>()
  const loading = ref(true)
  async function run() {
    loading.value = true
    error.value = undefined
    try {
      data.value = await load()
    } catch (e) {
      const p = problemOf(e)
      if (p.status === 401) { await router.replace('/login'); return }
      error.value = p.status === 0 ? 'errors.offline' : 'errors.generic'
    } finally {
      loading.value = false
    }
  }
  void run()
  return { data, error, loading, run }
}
