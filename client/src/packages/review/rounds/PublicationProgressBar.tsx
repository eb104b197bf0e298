// The publication's progress on the 年度批次 page: a bar, the count of list documents written and the time
// remaining, as rounds.publish reports them call by call.
import { Text, View } from '@tarojs/components';
import type { PublicationProgress } from '@hz-points/shared';

function remainingText(seconds: number | null): string {
  if (seconds === null) return '正在估算剩余时间';
  if (seconds < 60) return `预计还需约${Math.max(1, seconds)}秒`;
  return `预计还需约${Math.ceil(seconds / 60)}分钟`;
}

/** The publication's progress: a bar, the count written and the time remaining. */
export function PublicationProgressBar({ progress }: { progress: PublicationProgress }) {
  const percent = progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  return (
    <View className="flows-section">
      <View
        role="progressbar"
        aria-label="名单发布进度"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        style={{ height: '8px', borderRadius: '4px', background: '#eee', overflow: 'hidden' }}
      >
        <View style={{ width: `${percent}%`, height: '100%', background: '#1677ff' }} />
      </View>
      <Text className="flows-muted">
        已写入{progress.done}/{progress.total}份名单文档（{progress.chunks}/{progress.chunkCount}批，{percent}%），
        {progress.state === 'done' ? '已完成' : remainingText(progress.remainingSeconds)}
      </Text>
    </View>
  );
}
