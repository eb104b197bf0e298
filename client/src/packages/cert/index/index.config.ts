export default definePageConfig({ navigationBarTitleText: '凭证打印' });
