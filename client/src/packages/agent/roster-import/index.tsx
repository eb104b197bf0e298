// 导入员工名单: the agent picks the HR spreadsheet (weapp: from a chat; H5: a file), it goes to storage, and
// roster.import checks every row on the server. Good rows are kept; each bad row is listed with its row number and
// column, to be corrected in the file and uploaded again (a corrected row replaces nothing but itself).
import React, { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Progress } from '@nutui/nutui-react-taro';
import { ROSTER_COLUMNS } from '@hz-points/shared';
import { PageShell } from '../../../components/PageShell';
import { navigate } from '../../../routes';
import { ErrorNotice, InfoNotice, Row, Section, StateBadge } from '../../apply/common/ui';
import { checkRosterFile, importRoster, pickRoster, uploadRoster, type ImportResult } from '../roster/api';

/** Errors listed on the page before "show all" (a 500-row file may have many). */
const ERRORS_SHOWN = 50;

export default function RosterImportPage() {
  const [fileName, setFileName] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [showAll, setShowAll] = useState(false);

  async function chooseAndImport() {
    setError(null);
    setResult(null);
    const file = await pickRoster();
    if (!file) return;
    const checked = checkRosterFile(file.name, file.size);
    if (!checked.ok) return setError(checked.message);
    setFileName(file.name);
    setBusy(true);
    setProgress(0);
    const stored = await uploadRoster({ ...file, kind: checked.kind }, setProgress);
    setProgress(null);
    if (!stored.ok) {
      setBusy(false);
      return setError(stored.error.message);
    }
    const imported = await importRoster(stored.data.fileId);
    setBusy(false);
    if (!imported.ok) return setError(imported.error.message);
    setResult(imported.data);
  }

  const errors = result ? (showAll ? result.errors : result.errors.slice(0, ERRORS_SHOWN)) : [];
  return (
    <PageShell title="导入员工名单">
      <InfoNotice>
        上传本单位员工名单（xlsx或csv表格，最多5000人）。每行在服务器上按实名登记和积分测算的同一规则校验：正确的行会保存，有误的行逐行列出（第几行、哪一列），更正后重新上传即可。名单只用于本单位代办，身份证号码和手机号码对经办人只显示部分。
      </InfoNotice>
      <Section title="名单格式">
        <Text className="flows-muted">
          第一行为表头，须包含“姓名”“身份证号码”“手机号码”三列；以下各列可选，用于积分测算：
        </Text>
        <Text className="flows-muted">
          {ROSTER_COLUMNS.filter((c) => !c.required)
            .map((c) => c.header)
            .join('、')}
        </Text>
        <Text className="flows-muted">身份证号码列请设为“文本”格式，以免表格软件丢失末几位。</Text>
      </Section>
      <View className="flows-actions">
        <Button type="primary" block disabled={busy} onClick={chooseAndImport} aria-label="选择名单文件并导入">
          {busy ? '正在导入…' : '选择名单文件并导入'}
        </Button>
      </View>
      {fileName ? <Text className="flows-muted">已选择：{fileName}</Text> : null}
      {progress !== null ? <Progress percent={Math.round(progress * 100)} aria-label="上传进度" /> : null}
      <ErrorNotice message={error} />
      {result ? (
        <Section title="导入结果">
          <Row label="已导入">
            <StateBadge tone="done" text={`${result.imported}人`} />
          </Row>
          <Row label="有误未导入">
            <StateBadge tone={result.rejected > 0 ? 'back' : 'done'} text={`${result.rejected}行`} />
          </Row>
          <Row label="已委托本人代办">
            <Text>{result.matches.entrusted}人</Text>
          </Row>
          <Row label="委托待员工确认">
            <Text>{result.matches['entrustment-pending']}人</Text>
          </Row>
          <Row label="已实名登记、待建立委托">
            <Text>{result.matches['needs-entrustment']}人</Text>
          </Row>
          <Row label="尚未实名登记">
            <Text>{result.matches['not-registered']}人</Text>
          </Row>
          {result.errors.length > 0 ? (
            <View aria-label="有误的行">
              {errors.map((e, i) => (
                <View key={`${e.row}-${e.column}-${i}`} className="flows-item">
                  <Text>{e.message}</Text>
                </View>
              ))}
              {result.errors.length > ERRORS_SHOWN && !showAll ? (
                <Button size="small" onClick={() => setShowAll(true)}>
                  显示全部{result.errors.length}处错误
                </Button>
              ) : null}
            </View>
          ) : null}
          <View className="flows-actions">
            <Button type="primary" block onClick={() => navigate('rosterBoard', {})}>
              查看代办看板
            </Button>
            <Button block fill="outline" onClick={() => navigate('rosterAssess', {})}>
              批量积分测算
            </Button>
          </View>
        </Section>
      ) : null}
    </PageShell>
  );
}
