// Each settlement pathway with its verdict in words and an icon, and every failing or unknown condition named.
import { Text, View } from '@tarojs/components';
import type { PathwayResult } from '@hz-points/shared';
import { Citation } from '../../../components/Citation';

const STATUS = {
  eligible: { icon: '✓', text: '符合条件', cls: 'ok' },
  ineligible: { icon: '✗', text: '不符合', cls: 'no' },
  undetermined: { icon: '?', text: '信息不足，无法判断', cls: 'unknown' },
} as const;

function PathwayCard({ result }: { result: PathwayResult }) {
  const s = STATUS[result.status];
  const failing = result.conditions.filter((c) => c.met !== true);
  const met = result.conditions.filter((c) => c.met === true);
  return (
    <View
      className={`hz-card hz-pathway hz-pathway--${s.cls}`}
      data-testid={`pathway-${result.pathway}`}
      aria-label={`${result.label}：${s.text}`}
    >
      <View className="hz-pathway__head">
        <Text className="hz-pathway__label">{result.label}</Text>
        <Text className={`hz-pathway__status hz-pathway__status--${s.cls}`}>
          {s.icon} {s.text}
        </Text>
      </View>
      {result.basis && <Text className="hz-pathway__basis">{result.basis}</Text>}
      {failing.length > 0 && (
        <View
          className="hz-pathway__list"
          aria-label={result.status === 'ineligible' ? '不符合的条件' : '需要补充的信息'}
        >
          {failing.map((c) => (
            <View key={c.key} className={`hz-cond hz-cond--${c.met === false ? 'no' : 'unknown'}`}>
              <Text className="hz-cond__text">
                {c.met === false ? '✗ ' : '? '}
                {c.reason ?? c.requirement}
              </Text>
              <Citation source={c.citation} verified={c.citation.verified} confidence={c.citation.confidence} />
            </View>
          ))}
        </View>
      )}
      {met.length > 0 && (
        <View className="hz-pathway__met">
          {met.map((c) => (
            <Text key={c.key} className="hz-cond__met">
              ✓ {c.requirement}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}

export function PathwayResults({ results }: { results: PathwayResult[] }) {
  const order = { eligible: 0, undetermined: 1, ineligible: 2 } as const;
  const sorted = [...results].sort((a, b) => order[a.status] - order[b.status]);
  const eligible = results.filter((r) => r.eligible).length;
  return (
    <View>
      <View className="hz-card" role="status" ariaRole="status" aria-live="polite">
        <Text className="hz-pathways__summary">
          {eligible > 0
            ? `您目前符合${eligible}种落户途径的条件（以窗口审核为准）。`
            : '按所填信息，目前没有完全符合条件的落户途径。'}
        </Text>
      </View>
      {sorted.map((r) => (
        <PathwayCard key={r.pathway} result={r} />
      ))}
    </View>
  );
}
