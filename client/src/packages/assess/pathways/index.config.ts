export default definePageConfig({ navigationBarTitleText: '落户途径自测' });
