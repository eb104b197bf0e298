export default definePageConfig({ navigationBarTitleText: '分数线测算' });
