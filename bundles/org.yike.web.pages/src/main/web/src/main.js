import { createApp } from 'vue';
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
import DevicesView from './views/DevicesView.vue';
import TimetableView from './views/TimetableView.vue';
import PublishingView from './views/PublishingView.vue';
import ModulesView from './views/ModulesView.vue';
import SystemView from './views/SystemView.vue';
import DirectingView from './views/DirectingView.vue';
import { loadSession, loginTarget, onExpired, safeNext, user } from './session.js';

const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: LoginView, meta: { title: '登录', public: true } },
    { path: '/', component: WallView, meta: { title: '巡课' } },
    { path: '/room/:room', component: RoomView, meta: { title: (to) => to.params.room } },
    { path: '/users', component: UsersView, meta: { title: '用户管理' } },
    { path: '/lessons', component: LessonsView, meta: { title: '课程' } },
    { path: '/lessons/:id', component: LessonView, meta: { title: '课程' } },
    { path: '/review', component: ReviewView, meta: { title: '审核' } },
    // ECharts comes with the dashboard alone
    { path: '/dashboard', component: () => import('./views/DashboardView.vue'), meta: { title: '数据看板' } },
    { path: '/console', redirect: '/console/devices' },
    { path: '/console/devices', component: DevicesView, meta: { title: '设备 · 管理' } },
    { path: '/console/timetable', component: TimetableView, meta: { title: '课表 · 管理' } },
    { path: '/console/publishing', component: PublishingView, meta: { title: '发布 · 管理' } },
    { path: '/console/modules', component: ModulesView, meta: { title: '模块 · 管理' } },
    { path: '/console/system', component: SystemView, meta: { title: '系统 · 管理' } },
    { path: '/console/directing', component: DirectingView, meta: { title: '导播 · 管理' } },
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

router.afterEach((to) => {
  const title = typeof to.meta.title === 'function' ? to.meta.title(to) : to.meta.title;
  document.title = title ? `${title} · 一课` : '一课';
});

// Any API call answered 401 (the session ended, the server forgot it): log in again, then come back here.
onExpired(() => {
  const here = router.currentRoute.value;
  if (!here.meta.public) router.replace(loginTarget(here.fullPath));
});

createApp(App).use(router).mount('#app');
