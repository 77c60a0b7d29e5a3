import { statsEn, statsZh } from './messages'

/** The statistics pages' texts under `stats`; found by i18n/index.ts like every module's i18n.ts. */
export default { 'zh-CN': { stats: statsZh }, en: { stats: statsEn } }
