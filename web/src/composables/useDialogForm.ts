import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { fieldErrors, messageOf, problemOf, type Problem } from '../api'

export interface DialogFormOptions<R> {
  /** Called with the server's answer after a successful save (emit 'saved', close the dialog). */
  onSaved?: (result: R) => void
  /** Toast "已保存" after a successful save (default true). */
  toast?: boolean
}

/**
 * A form that saves once and shows what the server refused where it belongs: problem+json
 * field errors (`errors[].field`, e.g. `babies[0].weightG`) on the field, the rest above the
 * buttons. No second submission while one is in flight.
 *
 * ```ts
 * const form = useDialogForm(() => maternal.recordDelivery(id, body()), { onSaved: (r) => emit('saved', r) })
 * const { busy, errors, formError, save } = form
 * ```
 * ```html
 * <el-form-item :label="…" :error="errors['babies[' + i + '].weightG']">…</el-form-item>
 * <el-alert v-if="formError" :title="formError" type="error" :closable="false" />
 * <el-button type="primary" :loading="busy" @click="save">…</el-button>
 * ```
 */
export function useDialogForm<R>(submit: () => Promise<R>, options: DialogFormOptions<R> = {}) {
  const { t } = useI18n()
  const busy = ref(false)
  const errors = ref<Record<string, string>>({})
  const formError = ref('')
  const problem = ref<Problem>()

  function reset() {
    errors.value = {}
    formError.value = ''
    problem.value = undefined
  }

  /** Submits; resolves to the server's answer, or undefined when it refused (errors shown). */
  async function save(): Promise<R | undefined> {
    if (busy.value) return undefined
    busy.value = true
    reset()
    try {
      const r = await submit()
      if (options.toast !== false) ElMessage.success(t('common.saved'))
      options.onSaved?.(r)
      return r
    } catch (e) {
      const p = problemOf(e)
      problem.value = p
      errors.value = fieldErrors(p)
      formError.value = messageOf(p)
      return undefined
    } finally {
      busy.value = false
    }
  }

  return { busy, errors, formError, problem, save, reset }
}
