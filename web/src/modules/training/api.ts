import { api } from '../../api'

export interface InstitutionRef { code: string; nameZh: string; nameEn: string; areaCode: string; areaNameZh: string; areaNameEn: string }
export interface Page<T> { items: T[]; total: number; page: number; size: number }
export interface CourseRow { id: string; title: string; topic: string; mode: string; organiser: InstitutionRef; audience: string[]; creditHours: number; sessions: number; nextSession: string | null; enrolled: number; capacity: number; cancelled: boolean; origin: string }
export interface Material { id: string | null; kind: 'LIBRARY' | 'UPLOAD'; libraryItemId: string | null; title: string | null; mediaType: string | null }
export interface SessionRow { id: string; startsOn: string; endsOn: string; place: string | null; capacity: number; enrolled: number; attended: number; cancelled: boolean; version: number }
export interface CourseDetail { id: string; title: string; description: string | null; topic: string; mode: string; organiser: InstitutionRef; audience: string[]; creditHours: number; materials: Material[]; sessions: SessionRow[]; cancelledReason: string | null; origin: string; canEdit: boolean; version: number }
export interface Participant { enrolmentId: string; workerId: string; fullName: string; profession: string; institution: InstitutionRef; status: string; creditHours: number | null; version: number }
export interface SessionDetail { id: string; courseId: string; courseTitle: string; organiser: InstitutionRef; startsOn: string; endsOn: string; place: string | null; capacity: number; enrolled: number; cancelled: boolean; canEdit: boolean; participants: Participant[]; version: number }
export interface Worker { id: string; fullName: string; profession: string; institution: InstitutionRef; staffUsername: string | null; version: number }
export interface ChecklistItem { code: string; zh: string; en: string; points: number; critical: boolean }
export interface Checklist { skill: string; version: string; nameZh: string; nameEn: string; source: string; passMark: number; validityYears: number; items: ChecklistItem[] }
export interface RoundRow { id: string; title: string; level: 'DISTRICT' | 'CITY'; areaCode: string; areaNameZh: string; areaNameEn: string; organiser: InstitutionRef; skill: string; checklistVersion: string; heldOn: string; assessors: string[]; reassessmentOf: string | null; assessed: number; passed: number; version: number }
export interface Assessment { id: string; roundId: string; workerId: string; fullName: string; profession: string; institution: InstitutionRef; skill: string; checklistVersion: string; scores: Record<string, number>; score: number; maxScore: number; percent: number; passMark: number; passed: boolean; failedCritical: string[]; assessedOn: string; assessor: string; remarks: string | null; certificateId: string | null; version: number }
export interface Candidate { workerId: string; fullName: string; institution: InstitutionRef; skill: string; failedRoundId: string; failedRoundTitle: string; failedOn: string; percent: number }
export interface RoundDetail { round: RoundRow; checklist: Checklist; assessments: Assessment[]; canScore: boolean; canManage: boolean; candidates: Candidate[] }
export interface Certificate { id: string | null; number: string | null; workerId: string | null; holderName: string; institution: InstitutionRef | null; kind: string; skill: string | null; title: string; issuedOn: string | null; expiresOn: string; renewalOf: string | null; renewed: boolean; revokedReason: string | null; source: string; daysLeft: number | null; version: number }
export interface SessionEntry { enrolmentId: string; sessionId: string; courseId: string; courseTitle: string; topic: string; mode: string; organiser: InstitutionRef; startsOn: string; endsOn: string; status: string; creditHours: number | null }
export interface History { worker: Worker; creditHours: number; creditHoursThisYear: number; sessions: SessionEntry[]; assessments: Assessment[]; certificates: Certificate[] }
export interface Figures { key: string; nameZh?: string; nameEn?: string; participation: number; completed: number; completionRate: number | null; assessed: number; passed: number; passRate: number | null }
export interface Month { month: string; sessions: number; participation: number; completed: number; assessed: number; passed: number }
export interface Summary { from: string; to: string; scope: string; total: Figures; byArea: Figures[]; byInstitution: Figures[]; byProfession: Figures[]; bySkill: Figures[]; months: Month[]; expiringWithin90Days: number; courses: number; sessions: number; creditHours: number }

export const PROFESSIONS = ['MIDWIFE', 'OBSTETRICIAN', 'NURSE', 'PAEDIATRICIAN', 'NEONATOLOGIST', 'COMMUNITY_DOCTOR', 'NURSERY_CARER', 'ART_SPECIALIST', 'RESIDENT', 'OTHER']
export const TOPICS = ['MIDWIFERY', 'PMTCT', 'CRITICAL_CARE', 'OBSTETRIC_QUALITY', 'NEONATAL', 'NURSERY_CARE', 'ART', 'CHILD_HEALTH', 'OTHER']
export const MODES = ['OFFLINE', 'ONLINE', 'BLENDED']

export const training = {
  courses: async (params: Record<string, string | number | undefined>) => (await api.get<Page<CourseRow>>('/api/training/courses', { params })).data,
  course: async (id: string) => (await api.get<CourseDetail>('/api/training/courses/' + id)).data,
  createCourse: async (body: Record<string, unknown>) => (await api.post<{ id: string }>('/api/training/courses', body)).data,
  addSession: async (course: string, body: Record<string, unknown>) => (await api.post<{ id: string }>('/api/training/courses/' + course + '/sessions', body)).data,
  upload: async (course: string, file: File, title: string) => {
    const form = new FormData()
    form.append('file', file)
    form.append('title', title)
    return (await api.post<{ id: string }>('/api/training/courses/' + course + '/materials', form)).data
  },
  session: async (id: string) => (await api.get<SessionDetail>('/api/training/sessions/' + id)).data,
  enrol: async (session: string, body: Record<string, unknown>) => (await api.post('/api/training/sessions/' + session + '/enrolments', body)).data,
  withdraw: async (enrolment: string, version: number) => api.post('/api/training/enrolments/' + enrolment + '/withdraw', { version }),
  attendance: async (session: string, marks: { enrolmentId: string; status: string; version: number }[]) =>
    (await api.post<SessionDetail>('/api/training/sessions/' + session + '/attendance', { marks })).data,
  workers: async (params: Record<string, string | number | undefined>) => (await api.get<Page<Worker>>('/api/training/workers', { params })).data,
  checklists: async () => (await api.get<Checklist[]>('/api/training/checklists')).data,
  rounds: async (params: Record<string, string | number | undefined>) => (await api.get<Page<RoundRow>>('/api/training/rounds', { params })).data,
  createRound: async (body: Record<string, unknown>) => (await api.post<{ id: string }>('/api/training/rounds', body)).data,
  round: async (id: string) => (await api.get<RoundDetail>('/api/training/rounds/' + id)).data,
  score: async (round: string, body: Record<string, unknown>) => (await api.post<Assessment>('/api/training/rounds/' + round + '/assessments', body)).data,
  issue: async (assessment: string) => (await api.post<Certificate>('/api/training/assessments/' + assessment + '/certificate', {})).data,
  expiring: async (params: Record<string, string | number | undefined>) => (await api.get<Page<Certificate>>('/api/training/certificates/expiring', { params })).data,
  reassessments: async () => (await api.get<Candidate[]>('/api/training/reassessments')).data,
  history: async (worker: string) => (await api.get<History>('/api/training/workers/' + worker + '/history')).data,
  staffHistory: async (username: string) => (await api.get<History>('/api/training/staff/' + username + '/history')).data,
  me: async () => (await api.get<History>('/api/training/me')).data,
  statistics: async (params: Record<string, string | undefined>) => (await api.get<Summary>('/api/training/statistics', { params })).data
}

export interface Programme { id: string; name: string; kind: string; institution: InstitutionRef; years: number; active: number; total: number; canEdit: boolean }
export interface Rotation { id: string; division: string; startsOn: string; endsOn: string; supervisor: string | null; evaluation: string | null }
export interface Trainee { id: string; workerId: string; fullName: string; programmeId: string; programme: string; kind: string; institution: InstitutionRef; supervisor: string; startsOn: string; endsOn: string; status: string; rotations: Rotation[]; version: number }
export interface Project { id: string; title: string; funder: string; grantNumber: string | null; centre: string; institution: InstitutionRef; startsOn: string; endsOn: string; lead: string; team: string[]; outputs: number; canEdit: boolean; version: number }
export interface Output { id: string; projectId: string | null; projectTitle: string | null; kind: string; title: string; authors: string; venue: string | null; publishedOn: string; identifier: string | null; institution: InstitutionRef }
export interface Decision { id: string; text: string; owner: InstitutionRef | null; ownerName: string | null; dueOn: string | null; doneOn: string | null; overdue: boolean; version: number }
export interface Meeting { id: string; heldOn: string; title: string; place: string | null; present: InstitutionRef[]; minutes: string; decisions: Decision[]; version: number }
export interface Target { id: string; planYear: number; institution: InstitutionRef; measure: string; description: string; target: number; progress: number; percent: number; canUpdate: boolean; version: number }
export interface Visit { id: string; institution: InstitutionRef; visitedOn: string; kind: string; team: string; topics: string; findings: string | null; trainees: number }
export interface Agreement { id: string; title: string; signedOn: string | null; expiresOn: string | null; mediaType: string | null; fileName: string | null; legacyText: string | null; hasFile: boolean }
export interface Member { institution: InstitutionRef; status: string; joined: string | null; agreement: Agreement | null; targets: number; visits: number }

export const programmes = {
  programmes: async () => (await api.get<Programme[]>('/api/training/programmes')).data,
  createProgramme: async (body: Record<string, unknown>) => (await api.post<{ id: string }>('/api/training/programmes', body)).data,
  trainees: async (params: Record<string, string | number | undefined>) => (await api.get<Page<Trainee>>('/api/training/trainees', { params })).data,
  createTrainee: async (body: Record<string, unknown>) => (await api.post<{ id: string }>('/api/training/trainees', body)).data,
  addRotation: async (trainee: string, body: Record<string, unknown>) => (await api.post('/api/training/trainees/' + trainee + '/rotations', body)).data,
  projects: async (params: Record<string, string | number | undefined>) => (await api.get<Page<Project>>('/api/training/research/projects', { params })).data,
  createProject: async (body: Record<string, unknown>) => (await api.post<{ id: string }>('/api/training/research/projects', body)).data,
  outputs: async (params: Record<string, string | number | undefined>) => (await api.get<Page<Output>>('/api/training/research/outputs', { params })).data,
  createOutput: async (body: Record<string, unknown>) => (await api.post<{ id: string }>('/api/training/research/outputs', body)).data,
  canLead: async () => (await api.get<{ canLead: boolean }>('/api/training/alliance/lead')).data.canLead,
  members: async () => (await api.get<Member[]>('/api/training/alliance/members')).data,
  meetings: async (page: number) => (await api.get<Page<Meeting>>('/api/training/alliance/meetings', { params: { page, size: 10 } })).data,
  createMeeting: async (body: Record<string, unknown>) => (await api.post<{ id: string }>('/api/training/alliance/meetings', body)).data,
  decisionDone: async (id: string, version: number) => api.post('/api/training/alliance/decisions/' + id + '/done', { version }),
  plan: async (year: number) => (await api.get<Target[]>('/api/training/alliance/plan', { params: { year } })).data,
  createTarget: async (body: Record<string, unknown>) => (await api.post<{ id: string }>('/api/training/alliance/plan', body)).data,
  progress: async (id: string, progress: number, version: number) => api.post('/api/training/alliance/plan/' + id + '/progress', { progress, version }),
  visits: async (page: number) => (await api.get<Page<Visit>>('/api/training/alliance/visits', { params: { page, size: 20 } })).data,
  createVisit: async (body: Record<string, unknown>) => (await api.post<{ id: string }>('/api/training/alliance/visits', body)).data,
  uploadAgreement: async (code: string, file: File, title: string, signedOn?: string) => {
    const form = new FormData()
    form.append('file', file)
    form.append('title', title)
    if (signedOn) form.append('signedOn', signedOn)
    return (await api.post<{ id: string }>('/api/training/alliance/members/' + code + '/agreement', form)).data
  }
}
