export default definePageConfig({ navigationBarTitleText: '积分申请' });
