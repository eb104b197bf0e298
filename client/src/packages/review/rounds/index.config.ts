export default definePageConfig({ navigationBarTitleText: '年度批次' });
