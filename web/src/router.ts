import { createRouter, createWebHistory } from 'vue-router'
import { session, loadSession } from './session'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', component: () => import('./modules/auth/LoginPage.vue'), meta: { public: true } },
    { path: '/', component: () => import('./modules/home/HomePage.vue') },
    { path: '/persons', component: () => import('./modules/registry/PersonSearch.vue') },
    { path: '/persons/new', component: () => import('./modules/registry/PersonRegister.vue') },
    { path: '/persons/:id', component: () => import('./modules/registry/PersonPage.vue'), props: true },
    { path: '/institutions', component: () => import('./modules/registry/InstitutionDirectory.vue') },
    { path: '/audit', component: () => import('./modules/audit/AuditPage.vue') },
    { path: '/pregnancies/new', component: () => import('./modules/maternal/PregnancyRegister.vue') },
    { path: '/pregnancies/:id', component: () => import('./modules/maternal/PregnancyPage.vue'), props: true },
    { path: '/maternal/worklist', component: () => import('./modules/maternal/MaternalWorklist.vue') },
    { path: '/maternal/cases', component: () => import('./modules/maternal/CaseList.vue') },
    { path: '/children/:id', component: () => import('./modules/childhealth/ChildPage.vue'), props: true },
    { path: '/:rest(.*)*', redirect: '/' }
  ]
})

router.beforeEach(async (to) => {
  if (!session.loaded) await loadSession()
  if (!to.meta.public && !session.me) return { path: '/login', query: { next: to.fullPath } }
  return true
})
