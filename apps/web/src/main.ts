import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n, savedLocale, setLocale } from './i18n';
import { createAppRouter } from './router';
import './styles/main.css';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
app.use(createAppRouter());
if (savedLocale() !== 'zh-CN') await setLocale(savedLocale());
app.mount('#app');
