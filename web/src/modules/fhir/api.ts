/** The FHIR bulk import's calls and shapes (mirrors of `cn.fuyou.fhir.BulkImport` and `ImportReport`). */
import { api, http, path } from '../../api'

/** `BulkImport.Job`: one import, from uploaded files or a server directory. */
export interface Job {
  id: string
  directory: string
  source: 'UPLOAD' | 'DIRECTORY'
  status: 'RUNNING' | 'DONE' | 'FAILED'
  filesTotal: number
  filesDone: number
  filesRejected: number
  resourcesDone: number
  startedAt: string
  finishedAt?: string | null
  message?: string | null
}

/** `ImportReport.Line`: what became of one resource type. */
export interface ReportLine {
  resourceType: string
  mapped: number
  kept: number
  notKept: number
  reason?: string | null
}

/** `BulkImport.Rejected`: a file that was not read, and why. */
export interface Rejected {
  fileName: string
  reason: string
}

export const imports = {
  jobs: () => http.get<Job[]>('/api/admin/imports'),
  /** Uploads Bundles / NDJSON / zips of them as one import; `progress` hears the upload's percentage. */
  upload: async (files: File[], progress: (percent: number) => void): Promise<Job> => {
    const form = new FormData()
    files.forEach((f) => form.append('files', f))
    return (await api.post<Job>('/api/admin/imports/uploads', form, {
      onUploadProgress: (p) => progress(p.total ? Math.round((100 * p.loaded) / p.total) : 0)
    })).data
  },
  report: (id: string) => http.get<ReportLine[]>(path('/api/admin/imports', id, 'report')),
  rejected: (id: string) => http.get<Rejected[]>(path('/api/admin/imports', id, 'rejected'))
}
