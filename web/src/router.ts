import { createRouter, createWebHistory } from 'vue-router'
import { session, loadSession, isAdmin } from './session'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', component: () => import('./modules/auth/LoginPage.vue'), meta: { public: true } },
    { path: '/', component: () => import('./modules/home/HomePage.vue') },
    { path: '/persons', component: () => import('./modules/registry/PersonSearch.vue') },
    { path: '/persons/new', component: () => import('./modules/registry/PersonRegister.vue') },
    { path: '/persons/:id', component: () => import('./modules/registry/PersonPage.vue'), props: true },
    { path: '/institutions', component: () => import('./modules/registry/InstitutionDirectory.vue') },
    { path: '/audit', component: () => import('./modules/audit/AuditPage.vue'), meta: { admin: true } },
    { path: '/pregnancies/new', component: () => import('./modules/maternal/PregnancyRegister.vue') },
    { path: '/pregnancies/:id', component: () => import('./modules/maternal/PregnancyPage.vue'), props: true },
    { path: '/maternal/worklist', component: () => import('./modules/maternal/MaternalWorklist.vue') },
    { path: '/maternal/cases', component: () => import('./modules/maternal/CaseList.vue') },
    { path: '/maternal/cases/:id', component: () => import('./modules/maternal/CasePage.vue'), props: true },
    { path: '/network/inbox', component: () => import('./modules/network/InboxPage.vue') },
    { path: '/network/alliance', component: () => import('./modules/network/AlliancePage.vue') },
    { path: '/referrals/:id', component: () => import('./modules/network/ReferralPage.vue'), props: true },
    { path: '/network/consultations', component: () => import('./modules/network/ConsultationsPage.vue') },
    { path: '/children/worklist', component: () => import('./modules/childhealth/ChildWorklist.vue') },
    { path: '/nurseries', component: () => import('./modules/childhealth/NurseryList.vue') },
    { path: '/nurseries/:code', component: () => import('./modules/childhealth/NurseryPage.vue'), props: true },
    { path: '/admin/staff', component: () => import('./modules/security/StaffPage.vue') },
    { path: '/admin/imports', component: () => import('./modules/fhir/ImportPage.vue') },
    { path: '/children/:id', component: () => import('./modules/childhealth/ChildPage.vue'), props: true },
    // births: birth medical certificates and newborn screening (issue 18)
    { path: '/births', component: () => import('./modules/births/BirthsPage.vue') },
    { path: '/births/stock', component: () => import('./modules/births/CertificateStock.vue') },
    { path: '/births/lookup', component: () => import('./modules/births/CertificateLookup.vue') },
    { path: '/births/:id', component: () => import('./modules/births/BirthPage.vue'), props: true },
    { path: '/screening/worklist', component: () => import('./modules/births/ScreeningWorklist.vue') },
    { path: '/screening/batches', component: () => import('./modules/births/SampleBatches.vue') },
    { path: '/screening/results', component: () => import('./modules/births/ScreeningResults.vue') },
    // statistics (issue 9)
    { path: '/stats', component: () => import('./modules/stats/StatsDashboard.vue') },
    { path: '/stats/annual', component: () => import('./modules/stats/AnnualReport.vue') },
    { path: '/stats/quality', component: () => import('./modules/stats/DataQualityPage.vue') },
    // hospital (issue 11)
    { path: '/hospital', component: () => import('./modules/hospital/HospitalPage.vue') },
    { path: '/hospital/capacity', component: () => import('./modules/hospital/CapacityPage.vue') },
    // critical care (issue 10)
    { path: '/critical-care', component: () => import('./modules/criticalcare/CaseList.vue') },
    { path: '/critical-care/new', component: () => import('./modules/criticalcare/CaseReport.vue') },
    { path: '/critical-care/cases/:id', component: () => import('./modules/criticalcare/CasePage.vue'), props: true },
    { path: '/critical-care/deaths', component: () => import('./modules/criticalcare/DeathList.vue') },
    { path: '/critical-care/deaths/:id', component: () => import('./modules/criticalcare/DeathReportPage.vue'), props: true },
    { path: '/critical-care/reviews', component: () => import('./modules/criticalcare/ReviewList.vue') },
    { path: '/critical-care/reviews/:id', component: () => import('./modules/criticalcare/ReviewPage.vue'), props: true },
    { path: '/critical-care/notices', component: () => import('./modules/criticalcare/NoticesPage.vue') },
    { path: '/critical-care/statistics', component: () => import('./modules/criticalcare/StatsPage.vue') },
    // health-education library (issue 12)
    { path: '/education', component: () => import('./modules/education/EducationDesk.vue') },
    // birth defects (issue 17)
    { path: '/defects/screens', component: () => import('./modules/defects/ScreensPage.vue') },
    { path: '/defects/follow-ups', component: () => import('./modules/defects/FollowUpsPage.vue') },
    { path: '/defects/follow-ups/:id', component: () => import('./modules/defects/FollowUpPage.vue'), props: true },
    { path: '/defects/registrations', component: () => import('./modules/defects/RegistrationsPage.vue') },
    { path: '/defects/statistics', component: () => import('./modules/defects/StatisticsPage.vue') },
    { path: '/defects/preconception', component: () => import('./modules/defects/PreconceptionPage.vue') },
    { path: '/art', redirect: '/art/couples' },
    { path: '/art/couples', component: () => import('./modules/art/CoupleList.vue') },
    { path: '/art/couples/new', component: () => import('./modules/art/CoupleForm.vue') },
    { path: '/art/couples/:id/edit', component: () => import('./modules/art/CoupleForm.vue'), props: true },
    { path: '/art/couples/:id', component: () => import('./modules/art/CouplePage.vue'), props: true },
    { path: '/art/cycles', component: () => import('./modules/art/CycleList.vue') },
    { path: '/art/cycles/:id', component: () => import('./modules/art/CyclePage.vue'), props: true },
    { path: '/art/follow-up', component: () => import('./modules/art/CycleList.vue'), props: { followUp: true } },
    { path: '/art/outcomes', component: () => import('./modules/art/OutcomesPage.vue') },
    { path: '/art/workstation', component: () => import('./modules/art/WorkstationPage.vue') },
    // training and skill assessment (issue 13)
    { path: '/training', component: () => import('./modules/training/CoursesPage.vue') },
    { path: '/training/courses/:id', component: () => import('./modules/training/CoursePage.vue'), props: true },
    { path: '/training/sessions/:id', component: () => import('./modules/training/SessionPage.vue'), props: true },
    { path: '/training/rounds', component: () => import('./modules/training/RoundsPage.vue') },
    { path: '/training/rounds/:id', component: () => import('./modules/training/RoundPage.vue'), props: true },
    { path: '/training/certificates', component: () => import('./modules/training/CertificatesPage.vue') },
    { path: '/training/stats', component: () => import('./modules/training/StatsPage.vue') },
    { path: '/training/trainees', component: () => import('./modules/training/TraineesPage.vue') },
    { path: '/training/research', component: () => import('./modules/training/ResearchPage.vue') },
    { path: '/training/alliance', component: () => import('./modules/training/AlliancePage.vue') },
    { path: '/training/me', component: () => import('./modules/training/HistoryPage.vue') },
    { path: '/training/workers/:id', component: () => import('./modules/training/HistoryPage.vue'), props: true },
    { path: '/:rest(.*)*', redirect: '/' }
  ]
})

router.beforeEach(async (to) => {
  if (!session.loaded) await loadSession()
  if (!to.meta.public && !session.me) return { path: '/login', query: to.fullPath === '/' ? {} : { next: to.fullPath } }
  if (to.path === '/login' && session.me) return { path: '/' }
  if (to.meta.admin && !isAdmin()) return { path: '/' }
  // An official's home page is the statistics dashboard; she never sees a hospital's inbox.
  if (session.me?.role === 'REGIONAL_OFFICIAL' && (to.path === '/' || to.path.startsWith('/network/inbox'))) return { path: '/stats' }
  return true
})
