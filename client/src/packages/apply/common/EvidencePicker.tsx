// Evidence for one claim: take a photo, choose from the album, or attach a PDF; each file is compressed if it is a
// large photo, uploaded at once through storage (files.prepareUpload → bytes → files.commitUpload, with progress)
// and only its fileId is kept in the form. Errors show a Chinese message (ours, or the server's).
import React, { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { pickEvidence, prepareForUpload, uploadEvidence, UPLOAD_MESSAGES, type PickSource } from './evidence';
import { ErrorNotice } from './ui';

export interface EvidenceFile {
  fileId: string;
  name: string;
}

interface Props {
  label: string;
  value: EvidenceFile[];
  onChange: (files: EvidenceFile[]) => void;
  purpose?: 'evidence' | 'entrustment' | 'identity';
  onBehalfOf?: string;
  max?: number;
  disabled?: boolean;
}

const isWeapp = process.env.TARO_ENV === 'weapp';
/** In WeChat a PDF comes from a chat; in a browser, from the file system. Also the start of the button's name. */
const PDF_BUTTON_TEXT = isWeapp ? '从聊天记录选PDF' : '选择PDF文件';

export function EvidencePicker(props: Props) {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const max = props.max ?? 5;

  async function pick(source: PickSource) {
    setError(null);
    let picked;
    try {
      picked = await pickEvidence(source);
    } catch {
      setError(UPLOAD_MESSAGES.UNREADABLE);
      return;
    }
    if (picked.length === 0) return;
    setBusy(true);
    const added: EvidenceFile[] = [];
    for (const original of picked.slice(0, Math.max(0, max - props.value.length))) {
      setProgress({ name: original.name, percent: 0 });
      const ready = await prepareForUpload(original);
      if (!ready.ok) {
        setError(`${original.name}：${ready.message}`);
        break;
      }
      const res = await uploadEvidence(
        ready.file,
        { purpose: props.purpose ?? 'evidence', onBehalfOf: props.onBehalfOf },
        (fraction) => setProgress({ name: original.name, percent: Math.round(fraction * 100) }),
      );
      if (!res.ok) {
        setError(`${original.name}：${res.error.message}`);
        break;
      }
      added.push({ fileId: res.data.fileId, name: original.name });
    }
    setBusy(false);
    setProgress(null);
    if (added.length) props.onChange([...props.value, ...added]);
  }

  const full = props.value.length >= max;
  return (
    <View className="flows-evidence" aria-label={props.label}>
      <Text className="flows-label">{props.label}</Text>
      <View className="flows-files" role="list" aria-label={`已上传的${props.label}`}>
        {props.value.length === 0 ? <Text className="flows-muted">尚未上传材料</Text> : null}
        {props.value.map((f) => (
          <View key={f.fileId} className="flows-file" role="listitem">
            <Text>已上传：{f.name}</Text>
            {props.disabled ? null : (
              <Button
                size="small"
                fill="outline"
                aria-label={`删除${f.name}`}
                onClick={() => props.onChange(props.value.filter((x) => x.fileId !== f.fileId))}
              >
                删除
              </Button>
            )}
          </View>
        ))}
      </View>
      {props.disabled || full ? null : (
        <View
          className="flows-evidence__actions"
          style={{ display: 'flex', gap: '8px', flexWrap: 'wrap', marginTop: '8px' }}
        >
          <Button size="small" disabled={busy} aria-label={`拍照上传${props.label}`} onClick={() => pick('camera')}>
            拍照
          </Button>
          <Button size="small" disabled={busy} aria-label={`从相册选择${props.label}`} onClick={() => pick('album')}>
            从相册选择
          </Button>
          <Button
            size="small"
            disabled={busy}
            aria-label={`${PDF_BUTTON_TEXT}：${props.label}`}
            onClick={() => pick('pdf')}
          >
            {PDF_BUTTON_TEXT}
          </Button>
        </View>
      )}
      {busy ? (
        <View
          className="flows-muted"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress?.percent ?? 0}
          aria-label={progress ? `正在上传${progress.name}` : '正在上传'}
        >
          {progress ? `正在上传 ${progress.name}：${progress.percent}%` : '正在上传…'}
        </View>
      ) : null}
      <ErrorNotice message={error} />
      <Text className="flows-muted">支持JPEG、PNG图片或PDF文件，单个不超过4MB</Text>
    </View>
  );
}
