// 实名登记 (accounts.register): name, ID number (GB 11643 checked by the shared schema) and phone, validated on the
// client with the same zod schema the function uses; the server's answer (e.g. ID already registered) is shown as is.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Form } from '@nutui/nutui-react-taro';
import { Checkbox, Input } from '../../../components/Form';
import { IdNumberInput, idNumberError } from '../../../components/IdNumberField';
import '@nutui/nutui-react-taro/dist/es/packages/form/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/formitem/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css';
import { PRIVACY_POLICY_VERSION, RegisterInput } from '@hz-points/shared';
import { callFunction } from '../../../services/cloud';
import { refreshMe, useSession } from '../../../services/session';
import { requirePrivacyAuthorization } from '../../../services/privacy';
import { navigate } from '../../../routes';
import { PrivacyPopup } from './PrivacyPopup';

interface Values {
  name: string;
  idNumber: string;
  phone: string;
}

const LABELS: Record<keyof Values, string> = { name: '姓名', idNumber: '身份证号码', phone: '手机号码' };

/** The form's own fields; consent is checked separately (it is a tick, not typed text). */
const RegisterFields = RegisterInput.omit({ privacyConsent: true });

export function validateRegistration(v: Values): Record<string, string> {
  const parsed = RegisterFields.safeParse(v);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    errors[key] ??= issue.message;
  }
  return errors;
}

export function Register({ onDone }: { onDone: () => void }) {
  const { me } = useSession();
  const [form] = Form.useForm();
  const [values, setValues] = useState<Values>({ name: '', idNumber: '', phone: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [agreed, setAgreed] = useState(false);
  const [consentError, setConsentError] = useState<string | null>(null);

  if (me?.registered) {
    return (
      <View className="hz-card" role="status" ariaRole="status">
        <Text>您已完成实名登记（{me.name}）。</Text>
        <View
          className="hz-button hz-button--ghost"
          role="button"
          ariaRole="button"
          aria-label="查询、下载或删除我的个人信息"
          onClick={() => void navigate('myData')}
        >
          <Text>我的个人信息 ›</Text>
        </View>
      </View>
    );
  }

  const set = (key: keyof Values) => (v: string) => {
    setValues((s) => ({ ...s, [key]: v }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: '' }));
  };

  const submit = async () => {
    const errs = validateRegistration(values);
    errs.idNumber ||= idNumberError(values.idNumber) ?? ''; // also a birth date after today (the schema has no clock)
    setErrors(errs);
    setServerError(null);
    setConsentError(agreed ? null : '请阅读并勾选同意《隐私政策》');
    if (Object.values(errs).some(Boolean) || !agreed) return;
    // WeChat's privacy authorisation comes before the first call that sends personal information.
    if (!(await requirePrivacyAuthorization())) {
      setServerError('您未同意隐私保护提示，未提交任何信息。如需登记，请再次点击提交并选择同意。');
      return;
    }
    setBusy(true);
    const privacyConsent = { policyVersion: PRIVACY_POLICY_VERSION, agreed: true };
    const env = await callFunction('accounts', { action: 'register', ...values, privacyConsent });
    setBusy(false);
    if (!env.ok) {
      setServerError(env.error.message);
      return;
    }
    await refreshMe();
    onDone();
  };

  const field = (key: keyof Values, placeholder: string, type: 'text' | 'idcard' | 'number' = 'text') => (
    <>
      <Form.Item name={key} label={LABELS[key]} align="center" required className={`hz-field hz-field--${key}`}>
        {key === 'idNumber' ? (
          <IdNumberInput
            className=""
            value={values.idNumber}
            placeholder={placeholder}
            aria-label={LABELS[key]}
            onChange={set(key)}
          />
        ) : (
          <Input type={type} placeholder={placeholder} aria-label={LABELS[key]} onChange={set(key)} />
        )}
      </Form.Item>
      {errors[key] ? (
        <View className="hz-field-error" role="alert" ariaRole="alert">
          ⚠ {LABELS[key]}：{errors[key]}
        </View>
      ) : null}
    </>
  );

  return (
    <View>
      <View className="hz-card">
        <Text>请填写与居民身份证一致的信息。身份证号码和手机号码仅用于积分办理，页面上对他人显示时会打码。</Text>
      </View>
      <Form form={form} labelPosition="left" divider className="hz-form">
        <View className="hz-section">
          {field('name', '与身份证一致')}
          {field('idNumber', '18位身份证号码', 'idcard')}
          {field('phone', '11位手机号码', 'number')}
        </View>
      </Form>
      <View className="hz-section hz-consent">
        <Checkbox
          aria-label="我已阅读并同意《隐私政策》"
          checked={agreed}
          onChange={(v: boolean) => {
            setAgreed(v);
            if (v) setConsentError(null);
          }}
        >
          我已阅读并同意《隐私政策》
        </Checkbox>
        <View
          className="hz-link"
          role="link"
          ariaRole="link"
          aria-label="阅读隐私政策全文"
          onClick={() => void navigate('privacyPolicy')}
        >
          <Text>阅读《隐私政策》 ›</Text>
        </View>
        {consentError ? (
          <View className="hz-field-error" role="alert" ariaRole="alert">
            ⚠ {consentError}
          </View>
        ) : null}
      </View>
      {serverError && (
        <View className="hz-alert" role="alert" ariaRole="alert">
          {serverError}
        </View>
      )}
      <View className="hz-actions">
        <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={() => void submit()}>
          提交实名登记
        </Button>
      </View>
      <PrivacyPopup />
    </View>
  );
}
