export default definePageConfig({ navigationBarTitleText: '落户申请' });
