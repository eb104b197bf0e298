// The calculator's profile form, in four sections: basic facts, social insurance and residence, bonus items, and
// deductions and vetoes. Each field reports its changes through `set`, and shows its error from `errors`.
import { Text, View } from '@tarojs/components';
import { Form, type FormInstance } from '@nutui/nutui-react-taro';
import { PROFILE_FIELD_LABELS as L } from '@hz-points/shared';
import type { CalculatorDraft } from './draft';
import { DateField, FieldError, FieldRow, NumberField, SelectField, StepperField, YesNoField } from './fields';
import { HonoursField } from './HonoursField';
import { EDUCATION_OPTIONS, SKILL_OPTIONS, TAXPAYER_OPTIONS, TITLE_OPTIONS } from './options';
import type { SetDraftField } from './useCalculator';
import { VetoConditions } from './VetoConditions';

/** Levels at which the diploma-and-degree question matters (本科 and above). */
const DEGREE_LEVELS = new Set(['bachelor', 'master', 'doctor']);

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <View className="hz-section">
      <View className="hz-section__title" role="heading" ariaRole="heading" aria-level={2}>
        {title}
      </View>
      {children}
    </View>
  );
}

export function ProfileForm({
  form,
  draft,
  errors: e,
  set,
  today,
  cutoffDate,
}: {
  form: FormInstance;
  draft: CalculatorDraft;
  errors: Record<string, string>;
  set: SetDraftField;
  /** The latest birth date a person can pick. */
  today: string;
  /** The round's cut-off date, for the veto conditions in force then. */
  cutoffDate: string;
}) {
  const item = (name: keyof CalculatorDraft, label: string, child: React.ReactElement, required = false) => (
    <FieldRow name={name} label={label} error={e[name]} required={required}>
      {child}
    </FieldRow>
  );

  return (
    <Form form={form} initialValues={draft} labelPosition="left" divider className="hz-form">
      <Section title="基本情况">
        {item(
          'birthDate',
          L.birthDate,
          <DateField title={L.birthDate} minDate="1930-01-01" maxDate={today} onChange={set('birthDate')} />,
          true,
        )}
        {item(
          'education',
          L.education,
          <SelectField
            title={L.education}
            options={EDUCATION_OPTIONS}
            onChange={(v) => set('education')(v as CalculatorDraft['education'])}
          />,
        )}
        {DEGREE_LEVELS.has(draft.education) &&
          item(
            'hasDiplomaAndDegree',
            '学历和学位',
            <YesNoField
              yes="两证齐全"
              no="只有其一"
              onChange={(v) => set('hasDiplomaAndDegree')(v as CalculatorDraft['hasDiplomaAndDegree'])}
            />,
          )}
        {item(
          'title',
          L.title,
          <SelectField
            title={L.title}
            options={TITLE_OPTIONS}
            onChange={(v) => set('title')(v as CalculatorDraft['title'])}
          />,
        )}
        {item(
          'skillLevel',
          L.skillLevel,
          <SelectField
            title={L.skillLevel}
            options={SKILL_OPTIONS}
            onChange={(v) => set('skillLevel')(v as CalculatorDraft['skillLevel'])}
          />,
        )}
        <Text className="hz-hint">学历与职称（技能）只计较高的一项。</Text>
      </Section>

      <Section title="社保与居住">
        {item(
          'socialInsuranceMonths',
          L.socialInsuranceMonths,
          <NumberField
            ariaLabel={L.socialInsuranceMonths}
            unit="个月"
            placeholder="市区缴纳，不含补缴"
            onChange={set('socialInsuranceMonths')}
          />,
        )}
        {item(
          'residenceRegistrationYears',
          L.residenceRegistrationYears,
          <StepperField unit="年" onChange={set('residenceRegistrationYears')} />,
        )}
        {item('ownHome', L.ownHome, <YesNoField onChange={(v) => set('ownHome')(v as CalculatorDraft['ownHome'])} />)}
        {item('rentalYears', L.rentalYears, <StepperField unit="年" onChange={set('rentalYears')} />)}
      </Section>

      <Section title="加分项目">
        {item(
          'incomeTaxYuan',
          L.incomeTaxYuan,
          <NumberField
            ariaLabel={L.incomeTaxYuan}
            unit="元"
            placeholder="近5年市区累计"
            onChange={set('incomeTaxYuan')}
          />,
        )}
        {item(
          'taxpayerType',
          L.taxpayerType,
          <SelectField
            title={L.taxpayerType}
            options={TAXPAYER_OPTIONS}
            onChange={(v) => set('taxpayerType')(v as CalculatorDraft['taxpayerType'])}
          />,
        )}
        {draft.taxpayerType === 'business-owner' && (
          <Text className="hz-hint" data-testid="taxpayer-unverified">
            ⚠
            个体工商户、个人投资者另有纳税计分标准，未找到其具体数额，暂按个人所缴个人所得税的标准估算（未核实，见积分明细中该项的“说明/依据”）。
          </Text>
        )}
        {item('honours', L.honours, <HonoursField onChange={set('honours')} />)}
        {item(
          'boneMarrowDonation',
          L.boneMarrowDonation,
          <YesNoField onChange={(v) => set('boneMarrowDonation')(v as CalculatorDraft['boneMarrowDonation'])} />,
        )}
        {item(
          'bloodDonationMl',
          L.bloodDonationMl,
          <NumberField ariaLabel={L.bloodDonationMl} unit="毫升" onChange={set('bloodDonationMl')} />,
        )}
        {item(
          'volunteerHours',
          L.volunteerHours,
          <NumberField
            ariaLabel={L.volunteerHours}
            unit="小时"
            placeholder="志愿汇记录"
            onChange={set('volunteerHours')}
          />,
        )}
        {item(
          'donationYuan',
          L.donationYuan,
          <NumberField ariaLabel={L.donationYuan} unit="元" placeholder="近5年累计" onChange={set('donationYuan')} />,
        )}
        {item(
          'patentsFirst',
          '发明专利（第一专利权人）',
          <NumberField ariaLabel="第一专利权人的发明专利数" unit="项" onChange={set('patentsFirst')} />,
        )}
        {item(
          'patentsCo',
          '发明专利（共同专利权人）',
          <NumberField ariaLabel="共同专利权人的发明专利数" unit="项" onChange={set('patentsCo')} />,
        )}
        <FieldError message={e.patents} />
      </Section>

      <Section title="减分与否决情形">
        {item('criminal', L.criminal, <StepperField unit="次" onChange={set('criminal')} />)}
        {item('drugRehab', L.drugRehab, <StepperField unit="次" onChange={set('drugRehab')} />)}
        {item('detention', L.detention, <StepperField unit="次" onChange={set('detention')} />)}
        {item(
          'dishonesty',
          L.dishonesty,
          <YesNoField onChange={(v) => set('dishonesty')(v as CalculatorDraft['dishonesty'])} />,
        )}
        {item('severeDishonesty', L.severeDishonesty, <StepperField unit="次" onChange={set('severeDishonesty')} />)}
        {item('vetoed', L.vetoed, <YesNoField onChange={(v) => set('vetoed')(v as CalculatorDraft['vetoed'])} />)}
        <VetoConditions cutoffDate={cutoffDate} />
      </Section>
    </Form>
  );
}
