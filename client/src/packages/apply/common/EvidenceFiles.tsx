// Staff view of uploaded evidence: one button per file, read through files.read (which checks the caller may see it)
// and opened with the platform's viewer. Used by the review queue and the district office's objection answers.
import React, { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { call } from './api';
import { openFileLink } from '../../../services/cloud';
import { ErrorNotice } from './ui';

export function EvidenceFiles(props: { fileIds: string[] | undefined; label?: string }) {
  const [error, setError] = useState<string | null>(null);
  const ids = props.fileIds ?? [];
  const label = props.label ?? '材料';

  async function view(fileId: string) {
    setError(null);
    // A short-lived download link (getTempFileURL / a signed local link), opened with the platform's viewer.
    const res = await call('files', 'read', { fileId });
    if (!res.ok) return setError(res.error.message);
    try {
      await openFileLink(res.data.url, res.data.contentType);
    } catch {
      setError('无法打开该材料');
    }
  }

  return (
    <View className="flows-evidence-files">
      {ids.length === 0 ? <Text>无</Text> : null}
      {ids.map((id, i) => (
        <Button key={id} size="small" fill="outline" onClick={() => view(id)} aria-label={`查看${label}${i + 1}`}>
          {label}
          {i + 1}
        </Button>
      ))}
      <ErrorNotice message={error} />
    </View>
  );
}
