import { createApp, watch } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';
import 'element-plus/theme-chalk/base.css';
import App from './App.vue';
import LoginView from './views/LoginView.vue';
import WallView from './views/WallView.vue';
import RoomView from './views/RoomView.vue';
import UsersView from './views/UsersView.vue';
import LessonsView from './views/LessonsView.vue';
import LessonView from './views/LessonView.vue';
import ReviewView from './views/ReviewView.vue';
import ContestsView from './views/ContestsView.vue';
import JudgeView from './views/JudgeView.vue';
import EvaluationsView from './views/EvaluationsView.vue';
import DevicesView from './views/DevicesView.vue';
import TimetableView from './views/TimetableView.vue';
import PublishingView from './views/PublishingView.vue';
import ModulesView from './views/ModulesView.vue';
import SystemView from './views/SystemView.vue';
import DirectingView from './views/DirectingView.vue';
import { i18n, startLanguage, t } from './i18n.js';
import { loadSession, loginTarget, onExpired, safeNext, user } from './session.js';

const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: LoginView, meta: { title: 'title.login', public: true } },
    { path: '/', component: WallView, meta: { title: 'title.wall' } },
    { path: '/room/:room', component: RoomView, meta: { title: (to) => to.params.room } },
    { path: '/users', component: UsersView, meta: { title: 'title.users' } },
    { path: '/lessons', component: LessonsView, meta: { title: 'title.lessons' } },
    { path: '/lessons/:id', component: LessonView, meta: { title: 'title.lessons' } },
    { path: '/review', component: ReviewView, meta: { title: 'title.review' } },
    { path: '/contests', component: ContestsView, meta: { title: 'title.contests' } },
    { path: '/contests/:id/entries/:entry', component: JudgeView, meta: { title: 'title.judge' } },
    { path: '/evaluations', component: EvaluationsView, meta: { title: 'title.evaluations' } },
    // ECharts comes with the dashboard alone
    { path: '/dashboard', component: () => import('./views/DashboardView.vue'), meta: { title: 'title.dashboard' } },
    { path: '/console', redirect: '/console/devices' },
    { path: '/console/devices', component: DevicesView, meta: { title: 'title.devices' } },
    { path: '/console/timetable', component: TimetableView, meta: { title: 'title.timetable' } },
    { path: '/console/publishing', component: PublishingView, meta: { title: 'title.publishing' } },
    { path: '/console/modules', component: ModulesView, meta: { title: 'title.modules' } },
    { path: '/console/system', component: SystemView, meta: { title: 'title.system' } },
    { path: '/console/directing', component: DirectingView, meta: { title: 'title.directing' } },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

// Every page but the login page needs a login; a logged-in visitor of the login page goes on at once.
router.beforeEach(async (to) => {
  if (user.value === undefined) {
    // unreachable: stays unknown, asked again at the next page; the login form says what is wrong
    await loadSession().catch(() => {});
  }
  if (to.meta.public) return to.name === 'login' && user.value ? safeNext(to.query.next) : true;
  return user.value ? true : loginTarget(to.fullPath);
});

// meta.title: the message that names the page, or a function of the route that answers its name
function retitle(to) {
  const title = typeof to.meta.title === 'function' ? to.meta.title(to) : to.meta.title && t(to.meta.title);
  document.title = title ? t('app.title', { page: title }) : t('app.name');
}
router.afterEach(retitle);
watch(i18n.global.locale, () => retitle(router.currentRoute.value));

// Any API call answered 401 (the session ended, the server forgot it): log in again, then come back here.
onExpired(() => {
  const here = router.currentRoute.value;
  if (!here.meta.public) router.replace(loginTarget(here.fullPath));
});

startLanguage();
createApp(App).use(router).mount('#app');
