// 积分测算: the profile form and, as the person types, the score, each item's explanation and source, the veto,
// and the plan. `today` (a Beijing date) comes from the page edge; nothing below reads a clock.
import { View } from '@tarojs/components';
// These stylesheets stay here, above the imports of the parts, so the built CSS keeps its order (fields' comes after).
import '@nutui/nutui-react-taro/dist/es/packages/form/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/formitem/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import { CalculatorActions } from './CalculatorActions';
import { PlanPanel } from './PlanPanel';
import { ProfileForm } from './ProfileForm';
import { RoundIntro } from './RoundIntro';
import { ScorePanel, TotalBar } from './ScorePanel';
import { useCalculator } from './useCalculator';
import { useRestOfPage } from './useRestOfPage';

export function Calculator({ today }: { today: string }) {
  const restReady = useRestOfPage();
  const { form, draft, set, evaluated, choices, cutoffDate, setCutoffDate, result, plan, reset } = useCalculator(today);

  return (
    <View className="hz-calc">
      <View className="hz-calc__sticky">
        <TotalBar result={result} incomplete={!evaluated.complete && !!result} />
      </View>

      <RoundIntro choices={choices} cutoffDate={cutoffDate} onChange={setCutoffDate} />

      {restReady && (
        <ProfileForm
          form={form}
          draft={draft}
          errors={evaluated.errors}
          set={set}
          today={today}
          cutoffDate={cutoffDate}
        />
      )}

      {restReady && result && <ScorePanel result={result} />}
      {restReady && plan && <PlanPanel plan={plan} />}

      {/* The buttons and the disclaimer come with the form, so they do not jump down when it arrives. */}
      {restReady && <CalculatorActions onReset={reset} />}
    </View>
  );
}
