import { computed, onMounted, reactive, ref, shallowRef, type UnwrapRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { toastProblem, type Page } from '../api'

export interface PagedListOptions<F> {
  /** Rows per page (default 20). */
  size?: number
  /** Load page 0 when the component mounts (default true). */
  immediate?: boolean
  /** The message key of the empty text when no filter narrows the list (default `common.empty`). */
  empty?: string
  /** The filters that narrow the list, for the empty text (default all; a status shown by default may be left out). */
  narrowing?: (keyof F)[]
}

/**
 * A paged list: table rows, pager, search/filter values and the empty-state text, for a list
 * endpoint that answers `Page<T>`.
 *
 * ```ts
 * const list = usePagedList((f, page, size) => births.list({ ...f, page, size }), { q: '', certified: '' })
 * const { filter, page, rows, loading, emptyText, load, search } = list
 * ```
 * ```html
 * <el-input v-model="filter.q" @keyup.enter="search" />
 * <el-table :data="rows" v-loading="loading" :empty-text="emptyText">…</el-table>
 * <ListPager :page="page" @change="load" />
 * ```
 * A response that arrives after a newer request was made is dropped (typing fast never shows
 * an older search's rows); a failed load shows the problem and keeps the rows shown.
 */
export function usePagedList<T, F extends object>(
  fetch: (filter: UnwrapRef<F>, page: number, size: number) => Promise<Page<T>>,
  initial: F,
  options: PagedListOptions<F> = {}
) {
  const { t } = useI18n()
  const size = options.size ?? 20
  const filter = reactive(initial)
  const page = shallowRef<Page<T>>()
  const loading = ref(false)
  let latest = 0

  const rows = computed<T[]>(() => page.value?.items ?? [])
  /** Any narrowing filter value chosen (a non-empty string, true, a number or a non-empty array). */
  const filtered = computed(() =>
    Object.entries(filter as object)
      .filter(([k]) => !options.narrowing || options.narrowing.includes(k as keyof F))
      .some(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== '' && v !== null && v !== undefined && v !== false))
  )
  const emptyText = computed(() => (filtered.value ? t('common.emptyFiltered') : t(options.empty ?? 'common.empty')))

  async function load(n = 0): Promise<void> {
    const mine = ++latest
    loading.value = true
    try {
      const p = await fetch(filter as UnwrapRef<F>, n, size)
      if (mine === latest) page.value = p
    } catch (e) {
      if (mine === latest) toastProblem(e)
    } finally {
      if (mine === latest) loading.value = false
    }
  }
  /** Search from the first page (after a filter changed). */
  const search = () => load(0)
  /** Load the page shown again (after a row changed). */
  const reload = () => load(page.value?.page ?? 0)

  if (options.immediate !== false) onMounted(() => load(0))
  return { filter, page, rows, loading, filtered, emptyText, load, search, reload }
}
