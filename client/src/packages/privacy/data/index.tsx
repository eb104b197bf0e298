// 我的个人信息: download everything held about me (个人信息保护法 第四十五条) and delete my account (第四十七条).
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/PageShell';
import { callFunction } from '../../../services/cloud';
import { refreshMe, useSession } from '../../../services/session';
import { navigate } from '../../../routes';
import { saveJsonFile } from './saveJson';
import { beijingDate, type ActionResult } from '@hz-points/shared';

/** Exported for tests: the file name carries the export's Beijing date (YYYYMMDD). */
export function exportFileName(exportedAt: string): string {
  const beijing = beijingDate(new Date(exportedAt)).replace(/-/g, '');
  return `hz-points-my-data-${beijing}.json`;
}

export default function MyDataPage() {
  const { me } = useSession();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    setMessage(null);
    const env = await callFunction<ActionResult<'accounts', 'exportMyData'>>('accounts', { action: 'exportMyData' });
    if (!env.ok) {
      setBusy(false);
      setMessage({ kind: 'error', text: env.error.message });
      return;
    }
    try {
      const name = exportFileName(env.data.exportedAt);
      await saveJsonFile(name, JSON.stringify(env.data, null, 2));
      setMessage({ kind: 'ok', text: `已生成文件 ${name}，包含我们保存的关于您的全部信息。` });
    } catch {
      setMessage({ kind: 'error', text: '文件未能保存，请重试。' });
    }
    setBusy(false);
  };

  const remove = async () => {
    const confirm = await Taro.showModal({
      title: '确认注销账号',
      content: '注销后将删除您的实名信息、积分申请草稿和上传的材料，且不可恢复。已提交过积分申请的账号不能注销。',
      confirmText: '确认注销',
      cancelText: '取消',
    });
    if (!confirm.confirm) return;
    setBusy(true);
    const env = await callFunction('accounts', { action: 'deleteAccount', confirm: true });
    setBusy(false);
    if (!env.ok) {
      setMessage({ kind: 'error', text: env.error.message });
      return;
    }
    await refreshMe();
    void Taro.showToast({ title: '账号已注销', icon: 'success' });
    void navigate('home');
  };

  return (
    <PageShell title="我的个人信息" hideActingFor>
      <View className="hz-card">
        <Text>
          {me?.registered
            ? '您可以下载我们保存的关于您的全部信息（账号、实名信息、积分申请和审核记录、异议、凭证、落户申请、提醒和操作记录），也可以注销没有已提交积分申请的账号。'
            : '您尚未实名登记，我们没有保存您的实名信息。'}
        </Text>
      </View>
      {message ? (
        <View
          className={message.kind === 'error' ? 'hz-alert' : 'hz-card'}
          role={message.kind === 'error' ? 'alert' : 'status'}
          ariaRole={message.kind === 'error' ? 'alert' : 'status'}
        >
          <Text>{message.text}</Text>
        </View>
      ) : null}
      {me?.registered ? (
        <View className="hz-actions">
          <View
            className="hz-button"
            role="button"
            ariaRole="button"
            aria-label="下载我的全部信息"
            aria-disabled={busy}
            onClick={() => !busy && void download()}
          >
            <Text>下载我的全部信息</Text>
          </View>
          <View
            className="hz-button hz-button--ghost"
            role="button"
            ariaRole="button"
            aria-label="注销账号"
            aria-disabled={busy}
            onClick={() => !busy && void remove()}
          >
            <Text>注销账号</Text>
          </View>
        </View>
      ) : null}
      <View
        className="hz-link"
        role="link"
        ariaRole="link"
        aria-label="阅读隐私政策"
        onClick={() => void navigate('privacyPolicy')}
      >
        <Text>阅读《隐私政策》 ›</Text>
      </View>
    </PageShell>
  );
}
