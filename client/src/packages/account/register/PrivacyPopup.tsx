// The privacy pop-up WeChat asks for (services/privacy.ts): shown while a request is open, before registration
// collects a name, ID number and phone. Agreeing uses WeChat's own button (open-type="agreePrivacyAuthorization"),
// which is what records the authorisation on WeChat's side; refusing answers `disagree` and nothing is collected.
import { Button, Text, View } from '@tarojs/components';
import { useStore } from '../../../lib/store';
import { PRIVACY_AGREE_BUTTON_ID, privacyRequest } from '../../../services/privacy';
import { navigate } from '../../../routes';
import './PrivacyPopup.scss';

const isH5 = process.env.TARO_ENV === 'h5';

export function PrivacyPopup() {
  const request = useStore(privacyRequest);
  if (!request) return null;
  const agree = () => request.answer({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID });
  const disagree = () => request.answer({ event: 'disagree' });
  return (
    <View className="hz-privacy-popup" role="dialog" ariaRole="dialog" aria-label="隐私保护提示" aria-modal="true">
      <View className="hz-privacy-popup__panel">
        <View className="hz-privacy-popup__title" role="heading" ariaRole="heading" aria-level={2}>
          <Text>隐私保护提示</Text>
        </View>
        <Text className="hz-privacy-popup__text">
          实名登记需要收集您的姓名、身份证号码和手机号码，用于积分申请的身份核验和办理通知。请阅读《隐私政策》，了解我们收集哪些信息、为什么收集、谁能看到、保存多久，以及您如何查询、下载和删除自己的信息。
        </Text>
        <View
          className="hz-privacy-popup__link"
          role="link"
          ariaRole="link"
          aria-label="阅读隐私政策全文"
          onClick={() => void navigate('privacyPolicy')}
        >
          <Text>阅读《隐私政策》全文 ›</Text>
        </View>
        <View className="hz-privacy-popup__actions">
          <Button
            className="hz-privacy-popup__button hz-privacy-popup__button--ghost"
            aria-label="不同意，暂不登记"
            onClick={disagree}
          >
            不同意
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className="hz-privacy-popup__button"
            openType="agreePrivacyAuthorization"
            aria-label="同意并继续登记"
            onAgreePrivacyAuthorization={agree}
            onClick={isH5 ? agree : undefined}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  );
}
