import { createApp } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';
import 'element-plus/theme-chalk/base.css';
import App from './App.vue';
import WallView from './views/WallView.vue';
import RoomView from './views/RoomView.vue';

const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', component: WallView },
    { path: '/room/:room', component: RoomView },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

createApp(App).use(router).mount('#app');
