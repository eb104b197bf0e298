export default definePageConfig({ navigationBarTitleText: '异议答复' });
