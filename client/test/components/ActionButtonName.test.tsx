// Label in name (WCAG 2.5.3, axe label-content-name-mismatch): a button's accessible name contains the text it shows,
// so a person using speech input can say what they see. The e2e journeys found 为其申请 named 「为演示老人申请积分」
// and 提交申请 named 「提交积分申请」.
import { render, screen } from '@testing-library/react';
import { ActionButton } from '../../src/components/Form';
import { buttonName } from '../../src/components/Form/ActionButton';

test('a label that already contains the visible text is kept as it is', () => {
  expect(buttonName('审核文化程度', '审核')).toBe('审核文化程度');
  expect(buttonName('退回', '退回')).toBe('退回');
  // Punctuation and spaces do not count: 「一次审核通过（7项）」 is inside 「一次审核通过（7项）：…」 either way.
  expect(buttonName('一次审核通过（7项）：演示申请人的本部门记录核查事项', '一次审核通过（7项）')).toBe(
    '一次审核通过（7项）：演示申请人的本部门记录核查事项',
  );
});

test('otherwise the visible text comes first and the label adds the context', () => {
  expect(buttonName('为演示老人申请积分', '为其申请')).toBe('为其申请，为演示老人申请积分');
  expect(buttonName('提交积分申请', '提交申请')).toBe('提交申请，提交积分申请');
  expect(buttonName('撤回落户申请', ' 撤回申请 ')).toBe('撤回申请，撤回落户申请');
});

test('a button whose content is not plain text keeps its label', () => {
  expect(buttonName('关闭', <span>×</span>)).toBe('关闭');
  expect(buttonName('关闭', '')).toBe('关闭');
});

test('the rendered button carries the name', () => {
  render(
    <ActionButton aria-label="为演示老人申请积分" onPress={() => undefined}>
      为其申请
    </ActionButton>,
  );
  expect(screen.getByLabelText('为其申请，为演示老人申请积分')).toBeTruthy();
});
