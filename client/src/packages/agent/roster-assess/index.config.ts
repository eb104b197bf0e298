export default definePageConfig({ navigationBarTitleText: '名单积分测算' });
