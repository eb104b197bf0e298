export default definePageConfig({ navigationBarTitleText: '新杭州人家园' });
