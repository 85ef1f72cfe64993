import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { setPagePadding } from './features/dashboard/chart-width';
import { i18n, savedLocale, setLocale } from './i18n';
import { createAppRouter } from './router';
import './styles/main.css';

// Before anything is drawn: the stylesheets read the page padding the charts are sized by.
setPagePadding(document.documentElement);
const app = createApp(App);
app.use(createPinia());
app.use(i18n);
app.use(createAppRouter());
if (savedLocale() !== 'zh-CN') await setLocale(savedLocale());
app.mount('#app');
