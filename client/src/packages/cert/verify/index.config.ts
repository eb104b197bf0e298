export default definePageConfig({ navigationBarTitleText: '凭证核验' });
