// Staff view of uploaded evidence: one button per file, read through files.read (which checks the caller may see it)
// and opened with the platform's viewer. Used by the review queue and the district office's objection answers.
import React, { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { call } from './api';
import { openBase64File } from './openFile';
import { ErrorNotice } from './ui';

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

export function EvidenceFiles(props: { fileIds: string[] | undefined; label?: string }) {
  const [error, setError] = useState<string | null>(null);
  const ids = props.fileIds ?? [];
  const label = props.label ?? '材料';

  async function view(fileId: string, i: number) {
    setError(null);
    const res = await call<{ contentBase64: string; contentType: string }, 'files', 'read'>('files', 'read', { fileId });
    if (!res.ok) return setError(res.error.message);
    try {
      await openBase64File(res.data.contentBase64, res.data.contentType, `evidence-${i + 1}.${EXTENSIONS[res.data.contentType] ?? 'jpg'}`);
    } catch {
      setError('无法打开该材料');
    }
  }

  return (
    <View className="flows-evidence-files">
      {ids.length === 0 ? <Text>无</Text> : null}
      {ids.map((id, i) => (
        <Button key={id} size="small" fill="outline" onClick={() => view(id, i)} aria-label={`查看${label}${i + 1}`}>
          {label}
          {i + 1}
        </Button>
      ))}
      <ErrorNotice message={error} />
    </View>
  );
}
