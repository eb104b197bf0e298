// 落户途径自测: the person's situation → every settlement pathway, each failing condition named (rules package).
import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Form } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/form/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/formitem/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import {
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  SKILL_LABELS,
  formatChineseDate,
  settlementPathways,
  type PathwayResult,
} from '@hz-points/shared';
import { navigate } from '../../../routes';
import { DateField, FieldRow, NumberField, SelectField, YesNoField } from '../calculator/fields';
import {
  EMPTY_PATHWAY_DRAFT,
  evaluatePathwayDraft,
  loadPathwayDraft,
  savePathwayDraft,
  type PathwayDraft,
} from './draft';
import { PathwayResults } from './PathwayResults';

const EDUCATION_OPTIONS = [
  { value: '', label: '不填写' },
  ...EDUCATION_LEVELS.map((l) => ({ value: l, label: EDUCATION_LABELS[l] })),
];
const SKILL_OPTIONS = [
  { value: '', label: '无 / 不填写' },
  ...([1, 2, 3, 4, 5] as const).map((l) => ({ value: String(l), label: SKILL_LABELS[l] })),
];
const SEX_OPTIONS = [
  { value: '', label: '不填写' },
  { value: 'male', label: '男' },
  { value: 'female', label: '女' },
];
const HUKOU_OPTIONS = [
  { value: '', label: '不填写' },
  { value: 'other', label: '其他地区户籍' },
  { value: 'yangtze-delta', label: '长三角区域户籍（沪苏浙皖）' },
  { value: 'hangzhou-urban', label: '已是杭州市区户籍' },
];
const REUNION_OPTIONS = [
  { value: '', label: '不投靠' },
  { value: 'child', label: '投靠子女' },
  { value: 'spouse', label: '投靠配偶' },
];
const COUNTY_OPTIONS = [
  { value: '', label: '不考虑' },
  { value: 'tonglu', label: '桐庐县' },
  { value: 'chunan', label: '淳安县' },
  { value: 'jiande', label: '建德市' },
];

export function Pathways({ today }: { today: string }) {
  const [form] = Form.useForm();
  const [draft, setDraft] = useState<PathwayDraft>(() => loadPathwayDraft(today));
  const set =
    <K extends keyof PathwayDraft>(key: K) =>
    (value: string) => {
      setDraft((d) => {
        const next = { ...d, [key]: value } as PathwayDraft;
        savePathwayDraft(next);
        return next;
      });
    };
  const evaluated = useMemo(() => evaluatePathwayDraft(draft), [draft]);
  const results: PathwayResult[] | null = useMemo(() => {
    if (!evaluated.profile) return null;
    try {
      return settlementPathways(evaluated.profile, { on: today });
    } catch {
      return null;
    }
  }, [evaluated.profile, today]);
  const e = evaluated.errors;

  const item = (name: keyof PathwayDraft, label: string, child: React.ReactElement) => (
    <FieldRow name={name} label={label} error={e[name]}>
      {child}
    </FieldRow>
  );

  return (
    <View className="hz-pathways">
      <View className="hz-card">
        <Text>按{formatChineseDate(today)}的政策逐条对照。不填写的信息按“无法判断”处理，不会当作符合。</Text>
      </View>
      <Form form={form} initialValues={draft} labelPosition="left" divider className="hz-form">
        <View className="hz-section">
          <View className="hz-section__title" role="heading" ariaRole="heading" aria-level={2}>
            个人情况
          </View>
          {item(
            'birthDate',
            '出生日期',
            <DateField title="出生日期" minDate="1920-01-01" maxDate={today} onChange={set('birthDate')} />,
          )}
          {item('sex', '性别', <SelectField title="性别" options={SEX_OPTIONS} onChange={set('sex')} />)}
          {item('hukou', '户籍', <SelectField title="户籍" options={HUKOU_OPTIONS} onChange={set('hukou')} />)}
          {item(
            'education',
            '文化程度',
            <SelectField title="文化程度" options={EDUCATION_OPTIONS} onChange={set('education')} />,
          )}
          {item(
            'skillLevel',
            '职业技能等级',
            <SelectField title="职业技能等级" options={SKILL_OPTIONS} onChange={set('skillLevel')} />,
          )}
          {item(
            'fullCivilCapacity',
            '完全民事行为能力',
            <YesNoField yes="具有" no="不具有" onChange={set('fullCivilCapacity')} />,
          )}
        </View>
        <View className="hz-section">
          <View className="hz-section__title" role="heading" ariaRole="heading" aria-level={2}>
            就业、居住与积分
          </View>
          {item('employedInUrbanDistricts', '在市区就业', <YesNoField onChange={set('employedInUrbanDistricts')} />)}
          {item(
            'employerPaidInsuranceMonths',
            '单位缴纳社保',
            <NumberField
              ariaLabel="单位正常缴纳社保月数"
              unit="个月"
              placeholder="不含补缴"
              onChange={set('employerPaidInsuranceMonths')}
            />,
          )}
          {item(
            'legalStableResidenceInUrbanDistricts',
            '市区合法稳定住所',
            <YesNoField yes="有" no="没有" onChange={set('legalStableResidenceInUrbanDistricts')} />,
          )}
          {item(
            'residencePermitValid',
            '市区有效居住证',
            <YesNoField yes="持有" no="未持有" onChange={set('residencePermitValid')} />,
          )}
          {item(
            'points',
            '当期积分',
            <NumberField ariaLabel="当期积分" unit="分" placeholder="可先做积分测算" onChange={set('points')} />,
          )}
        </View>
        <View className="hz-section">
          <View className="hz-section__title" role="heading" ariaRole="heading" aria-level={2}>
            投靠与县域
          </View>
          {item(
            'reunionWith',
            '投靠亲属',
            <SelectField title="投靠亲属" options={REUNION_OPTIONS} onChange={set('reunionWith')} />,
          )}
          {draft.reunionWith !== '' &&
            item('relativeHasUrbanHukou', '被投靠人市区户籍', <YesNoField onChange={set('relativeHasUrbanHukou')} />)}
          {draft.reunionWith !== '' &&
            item(
              'fixedResidenceInUrbanDistricts',
              '市区合法固定住所',
              <YesNoField yes="有" no="没有" onChange={set('fixedResidenceInUrbanDistricts')} />,
            )}
          {item(
            'county',
            '拟落户县（市）',
            <SelectField title="拟落户县（市）" options={COUNTY_OPTIONS} onChange={set('county')} />,
          )}
          {draft.county !== '' &&
            item(
              'countyResidence',
              '当地合法稳定住所',
              <YesNoField yes="有" no="没有" onChange={set('countyResidence')} />,
            )}
          {draft.county !== '' &&
            item(
              'countyEmployment',
              '当地合法稳定就业',
              <YesNoField yes="有" no="没有" onChange={set('countyEmployment')} />,
            )}
        </View>
      </Form>

      {results ? (
        <PathwayResults results={results} />
      ) : (
        <View className="hz-card" role="status" ariaRole="status">
          <Text>请先选择出生日期。</Text>
        </View>
      )}

      <View className="hz-actions">
        <View className="hz-button" role="button" ariaRole="button" onClick={() => void navigate('calculator')}>
          先做积分测算
        </View>
        <View
          className="hz-button hz-button--ghost"
          role="button"
          ariaRole="button"
          onClick={() => {
            form.resetFields();
            form.setFieldsValue(EMPTY_PATHWAY_DRAFT);
            setDraft({ ...EMPTY_PATHWAY_DRAFT });
            savePathwayDraft({ ...EMPTY_PATHWAY_DRAFT });
          }}
        >
          清空重填
        </View>
      </View>
      <Text className="hz-muted hz-calc__disclaimer">自测结果仅供参考，以户籍窗口审核为准。</Text>
    </View>
  );
}
