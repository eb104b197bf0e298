// Before an application is started: only a registered person (实名登记) may save or submit one (the server answers
// NOT_REGISTERED otherwise, which people used to learn only at the first upload). An unregistered caller is sent to
// 实名登记 first, with `back` so that page returns here afterwards.
import { Text } from '@tarojs/components';
import { ActionButton } from '../../../components/Form';
import { navigate } from '../../../routes';
import { InfoNotice, Section } from '../common/ui';

export type Registration = 'unknown' | 'registered' | 'unregistered';

export function RegistrationGate() {
  return (
    <>
      <InfoNotice>申请积分前，请先完成实名登记。登记后会回到本页继续申请。</InfoNotice>
      <Section title="请先实名登记">
        <Text className="flows-muted">实名登记需要填写姓名、身份证号码和手机号码，约1分钟。</Text>
        <ActionButton
          type="primary"
          block
          aria-label="去实名登记"
          onPress={() => navigate('register', { back: 'applyForm' })}
        >
          去实名登记
        </ActionButton>
      </Section>
    </>
  );
}
