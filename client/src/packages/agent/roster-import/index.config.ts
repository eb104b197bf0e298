export default definePageConfig({ navigationBarTitleText: '导入员工名单' });
