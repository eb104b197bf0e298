// The assess pages show the policy readings of issue 8: the whole veto list (each condition marked as read from a
// public copy), the unverified 个体工商户 tax reading, the 80+ permit exemption read only as "cannot judge", and silence as
// "cannot judge" with the registry window named. Expected texts are literals from the rule data's wording.
import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __reset } from '../__mocks__/taro';
import { Calculator } from '../../src/packages/assess/calculator/Calculator';
import { Pathways } from '../../src/packages/assess/pathways/Pathways';

// A fixed Beijing date stands in for the page edge's clock read.
const TODAY = '2026-11-25';

beforeEach(() => __reset());

describe('积分测算: veto list and the 个体工商户 tax reading', () => {
  it('lists every published veto condition, each marked as an unverified public copy with its confidence', () => {
    Taro.setStorageSync('hz.calculator.draft', { birthDate: '1990-01-15' });
    render(<Calculator today={TODAY} />);
    // Behind the list's one 说明/依据 link (issue 10).
    fireEvent.click(screen.getByRole('button', { name: '一票否决情形（含未核实规则）：说明/依据' }));
    const rows = screen.getAllByTestId('veto-condition').map((r) => r.textContent);
    expect(rows).toEqual([
      '· 犯故意杀人罪 ⚠ 公开转载，未核实（可信度B）',
      '· 犯故意伤害罪致人重伤或死亡 ⚠ 公开转载，未核实（可信度C）',
      '· 犯强奸罪 ⚠ 公开转载，未核实（可信度C）',
      '· 犯抢劫罪 ⚠ 公开转载，未核实（可信度B）',
      '· 犯贩卖毒品罪 ⚠ 公开转载，未核实（可信度B）',
      '· 犯放火罪 ⚠ 公开转载，未核实（可信度C）',
      '· 犯爆炸罪 ⚠ 公开转载，未核实（可信度C）',
      '· 犯投放危险物质罪 ⚠ 公开转载，未核实（可信度C）',
      '· 被判处5年（含）以上有期徒刑的刑事犯罪 ⚠ 公开转载，未核实（可信度B）',
      '· 参加国家禁止的组织 ⚠ 公开转载，未核实（可信度B）',
      '· 参加国家禁止的活动 ⚠ 公开转载，未核实（可信度C）',
    ]);
  });

  it("a business owner's tax is scored with the unverified reading, and the page says so", () => {
    Taro.setStorageSync('hz.calculator.draft', {
      birthDate: '1990-01-15',
      incomeTaxYuan: '10000',
      taxpayerType: 'business-owner',
    });
    render(<Calculator today={TODAY} />);
    expect(screen.getByText('个体工商户、个人投资者')).toBeTruthy();
    expect(screen.getByTestId('taxpayer-unverified').textContent).toBe(
      '⚠ 个体工商户、个人投资者另有纳税计分标准，未找到其具体数额，暂按个人所缴个人所得税的标准估算（未核实，见积分明细中该项的“说明/依据”）。',
    );
    const row = screen.getByTestId('item-incomeTax');
    expect(row.textContent).toContain('个体工商户、个人投资者（计分标准未核实）5年内纳税10000元：1分');
    fireEvent.click(within(row).getByRole('button', { name: /说明\/依据/ }));
    expect(within(row).getByText(/未核实（可信度C）/)).toBeTruthy();
    expect(row.textContent).toContain('+1分');
  });

  it('an individual taxpayer keeps the general scale (confidence B) and no business-owner note', () => {
    Taro.setStorageSync('hz.calculator.draft', {
      birthDate: '1990-01-15',
      incomeTaxYuan: '10000',
      taxpayerType: 'individual',
    });
    render(<Calculator today={TODAY} />);
    expect(screen.queryByTestId('taxpayer-unverified')).toBeNull();
    const row = screen.getByTestId('item-incomeTax');
    expect(row.textContent).toContain('5年内纳税10000元：1分');
    fireEvent.click(within(row).getByRole('button', { name: /说明\/依据/ }));
    expect(within(row).getByText(/未核实（可信度B）/)).toBeTruthy();
  });
});

describe('落户途径自测: the 80+ permit exemption and silence', () => {
  const elderly = (birthDate: string) => ({
    birthDate,
    sex: 'male',
    hukou: 'other',
    residencePermitValid: 'no',
    reunionWith: 'child',
    relativeHasUrbanHukou: 'yes',
    fixedResidenceInUrbanDistricts: 'yes',
  });

  it('a parent on their 80th birthday without a permit: cannot judge, the public copy cited with its confidence (C), registry window', () => {
    Taro.setStorageSync('hz.pathways.draft', elderly('1946-11-25'));
    render(<Pathways today={TODAY} />);
    const card = screen.getByTestId('pathway-reunion-elderly');
    expect(card.textContent).toContain('? 信息不足，无法判断');
    expect(card.textContent).not.toContain('符合条件');
    expect(card.textContent).toContain(
      '? 本人已满80周岁、未持有居住证：公开转载（杭州网2018年10月17日户籍办事指南·老年投靠，可信度C）称80周岁及以上老年人投靠在杭子女不受居住证条件限制，' +
        '但杭政办函〔2023〕33号未作此规定，本工具无法判断，请向拟落户地的户籍窗口（派出所）咨询',
    );
    expect(card.textContent).toContain('依据：公开信息 公开转载（杭州网2018年10月17日户籍办事指南·老年投靠）');
    expect(card.textContent).toContain('⚠ 未核实（可信度C）');
  });

  it('a day short of 80 the permit is still required, and the public copy is not mentioned', () => {
    Taro.setStorageSync('hz.pathways.draft', elderly('1946-11-26'));
    render(<Pathways today={TODAY} />);
    const card = screen.getByTestId('pathway-reunion-elderly');
    expect(card.textContent).toContain('✗ 不符合');
    expect(card.textContent).toContain('非长三角区域户籍须持有有效居住证（据政策推断，未经核实）');
    expect(card.textContent).not.toContain('满80周岁');
  });

  it('a 本科 graduate asked about the 大专 pathway: cannot judge, R2023 closing clause, registry window', () => {
    Taro.setStorageSync('hz.pathways.draft', {
      birthDate: '1996-03-01',
      hukou: 'other',
      education: 'bachelor',
      employedInUrbanDistricts: 'yes',
    });
    render(<Pathways today={TODAY} />);
    const card = screen.getByTestId('pathway-graduate-college');
    expect(card.textContent).toContain('? 信息不足，无法判断');
    expect(card.textContent).not.toContain('不符合');
    expect(card.textContent).toContain(
      '? 学历为本科：杭政办函〔2023〕33号第二条（一）只规定了大专学历毕业生，未规定本科及以上学历能否按此条落户；' +
        '依该意见结尾“本意见未涉及事项根据国家、省、市现行相应政策办理”，本工具无法判断，请向拟落户地的户籍窗口（派出所）咨询',
    );
    expect(card.textContent).toContain(
      '依据：杭政办函〔2023〕33号 结尾（本意见未涉及事项根据国家、省、市现行相应政策办理）',
    );
  });
});
