export default definePageConfig({ navigationBarTitleText: '异议申请' });
