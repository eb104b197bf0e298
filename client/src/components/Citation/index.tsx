// A rule's source, in Chinese, and whether it is verified against the two official documents. Unverified is
// said with text and an icon, never colour alone (适老化 / accessibility).
import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { PolicyCitation, Source } from '@hz-points/shared';

const DOC_NAMES: Record<string, string> = {
  R2023: '杭政办函〔2023〕33号',
  FAQ2021: '《杭州市居住证积分管理办法》修订问答（2021）',
  'GB11643-1999': 'GB 11643-1999',
  'public-copy': '公开转载的指标表',
  'outside-source': '公开信息',
  'our-choice': '本程序约定',
};

/** One line: document, clause, description. Works for both the scoring `Source` and the people `PolicyCitation`. */
export function citationText(source: Source | PolicyCitation): string {
  const doc = DOC_NAMES[source.doc] ?? source.doc;
  const clause = source.clause ? ` ${source.clause}` : '';
  const description = 'description' in source && source.description ? `：${source.description}` : '';
  return `${doc}${clause}${description}`;
}

export function UnverifiedMark({ confidence }: { confidence?: string }) {
  return (
    <Text className="hz-unverified" aria-label={`未核实规则${confidence ? `，可信度${confidence}` : ''}`}>
      ⚠ 未核实{confidence ? `（可信度${confidence}）` : ''}
    </Text>
  );
}

export interface CitationProps {
  source: Source | PolicyCitation;
  verified: boolean;
  confidence?: string;
  /** The caller already shows the unverified mark next to the heading. */
  hideMark?: boolean;
}

export function Citation({ source, verified, confidence, hideMark }: CitationProps) {
  return (
    <View className="hz-citation">
      <Text className="hz-cite">依据：{citationText(source)}</Text>
      {verified || hideMark ? null : <UnverifiedMark confidence={confidence} />}
    </View>
  );
}

/** What the 说明/依据 link says about a rule's standing, in words (with the confidence when unverified). */
export function standingText(verified: boolean, confidence?: string): string {
  return verified ? '✓ 已核对政策原文' : `⚠ 未核实（可信度${confidence ?? 'C'}）：据公开转载的资料，尚未与官方文件核对`;
}

export interface SourceNoteProps {
  /** What the note is about, for the link's accessible name (e.g. the item's label). */
  subject: string;
  /** Shown with the "⚠" sign when the rule is unverified, so the line itself says which items are. */
  verified: boolean;
  children: ReactNode;
}

/**
 * One 说明/依据 link per item (issue 10): the source, the confidence note and any assumption open on a tap instead
 * of a mark on every line. An unverified item's link carries "⚠" (a sign, not colour alone).
 */
export function SourceNote({ subject, verified, children }: SourceNoteProps) {
  const [open, setOpen] = useState(false);
  return (
    <View className="hz-source">
      <View
        className="hz-link hz-source__toggle"
        role="button"
        ariaRole="button"
        aria-expanded={open}
        aria-label={`${subject}${verified ? '' : '（含未核实规则）'}：${open ? '收起说明' : '说明/依据'}`}
        onClick={() => setOpen(!open)}
      >
        <Text>{`${verified ? '' : '⚠ '}${open ? '收起说明' : '说明/依据'}`}</Text>
      </View>
      {open ? <View className="hz-source__body">{children}</View> : null}
    </View>
  );
}
