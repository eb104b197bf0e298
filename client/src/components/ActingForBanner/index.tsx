// Always visible while acting for someone else (entrustment or guardianship), on every page that uses PageShell:
// a person must never submit for a relative believing they are submitting for themselves.
import { Text, View } from '@tarojs/components';
import { User } from '@nutui/icons-react-taro';
import { useSession } from '../../services/session';
import './index.scss';

export function ActingForBanner() {
  const { actingFor, setActingFor } = useSession();
  if (!actingFor) return null;
  return (
    <View className="hz-acting" role="status" ariaRole="status" aria-live="polite">
      {/* An icon font glyph, not an emoji: phones and browsers without an emoji font showed 👤 as an empty box. */}
      <User className="hz-acting__icon" size={20} aria-hidden />
      <Text className="hz-acting__text">
        正在代 <Text className="hz-acting__name">{actingFor.name}</Text> 办理（{actingFor.relationLabel}）
      </Text>
      <View
        className="hz-acting__stop"
        role="button"
        ariaRole="button"
        ariaLabel="结束代办，回到本人"
        onClick={() => setActingFor(null)}
      >
        结束代办
      </View>
    </View>
  );
}
