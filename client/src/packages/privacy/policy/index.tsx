// 隐私政策: what we collect, why, who sees it, how long it is kept, and the person's rights (个人信息保护法).
import { formatChineseDate } from '@hz-points/shared';
import { Text, View } from '@tarojs/components';
import { PRIVACY_POLICY_VERSION } from '@hz-points/shared';
import { PageShell } from '../../../components/PageShell';
import { navigate } from '../../../routes';
import { POLICY_SECTIONS } from './content';

export default function PrivacyPolicyPage() {
  return (
    <PageShell title="隐私政策" hideActingFor>
      <View className="hz-card">
        <Text>新杭州人家园（杭州市居住证积分服务）隐私政策。版本：{formatChineseDate(PRIVACY_POLICY_VERSION)}。</Text>
      </View>
      {POLICY_SECTIONS.map((section) => (
        <View key={section.title} className="hz-section">
          <View className="hz-section__title" role="heading" ariaRole="heading" aria-level={2}>
            <Text>{section.title}</Text>
          </View>
          {section.paragraphs.map((p) => (
            <View key={p} className="hz-card">
              <Text>{p}</Text>
            </View>
          ))}
        </View>
      ))}
      <View className="hz-actions">
        <View
          className="hz-button"
          role="button"
          ariaRole="button"
          aria-label="查询、下载或删除我的个人信息"
          onClick={() => void navigate('myData')}
        >
          <Text>查询、下载或删除我的个人信息</Text>
        </View>
      </View>
    </PageShell>
  );
}
