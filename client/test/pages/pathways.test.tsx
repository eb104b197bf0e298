import { render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __reset } from '../__mocks__/taro';
import { Pathways } from '../../src/packages/assess/pathways/Pathways';
import { typeInto } from '../helpers';

const TODAY = '2026-11-25';

beforeEach(() => __reset());

describe('落户途径自测', () => {
  it('names each failing condition of each pathway', () => {
    Taro.setStorageSync('hz.pathways.draft', {
      birthDate: '1990-01-15',
      hukou: 'other',
      points: '80',
      residencePermitValid: 'yes',
      fullCivilCapacity: 'yes',
      education: 'junior-college',
    });
    render(<Pathways today={TODAY} />);

    const points = screen.getByTestId('pathway-points');
    expect(points.textContent).toContain('不符合');
    expect(points.textContent).toContain('当期积分须满100分，当前80分');

    // Every failing or undeterminable condition of every pathway is named on its card, as RULES.md reads R2023 §二:
    // born 1990-01-15, this person is 36 on 2026-11-25 (a 大专 graduate must be under 35, 35 itself fails).
    const expected: Record<string, { label: string; reasons: string[] }> = {
      'graduate-college': {
        label: '高校大专毕业生落户',
        reasons: ['须35周岁以下（不含35周岁），当前36周岁', '未提供就业信息，无法判断：已在市区落实就业单位'],
      },
      'graduate-master': {
        label: '硕士研究生落户（先落户后就业）',
        reasons: ['须为普通高校硕士研究生，当前为大专/高职'],
      },
      skilled: {
        label: '技能人才落户',
        reasons: [
          '未提供职业技能等级，无法判断：技师及以上职业资格（或职业技能等级二级及以上证书）且45周岁以下，或高级工职业资格（或职业技能等级三级证书）且35周岁以下',
          '未提供就业信息，无法判断：在市区工作',
          '未提供社保缴纳月数，无法判断：由工作单位正常缴纳6个月及以上社会保险（不含补缴）',
          '未提供住所信息，无法判断：在市区有合法稳定住所',
        ],
      },
      'reunion-elderly': {
        label: '老年投靠子女落户',
        reasons: [
          '未提供投靠对象，无法判断：投靠在杭子女',
          '未提供性别，无法判断：男性满60周岁、女性满55周岁',
          '未提供子女户籍信息，无法判断：被投靠子女为杭州市区户籍',
          '未提供住所信息，无法判断：本人或子女在杭州市区城镇有合法固定住所',
        ],
      },
      'reunion-spouse': {
        label: '夫妻投靠落户',
        reasons: [
          '未提供投靠对象，无法判断：投靠配偶',
          '未提供配偶户籍信息，无法判断：配偶为杭州市区户籍',
          // R2023 is silent on spouse reunion's other conditions: its closing clause sends the person to the window.
          '夫妻投靠落户的其他条件（如结婚年限等）杭政办函〔2023〕33号未作规定',
          '本意见未涉及事项根据国家、省、市现行相应政策办理',
          '请向拟落户地的户籍窗口（派出所）咨询',
        ],
      },
      points: { label: '居住证积分落户', reasons: ['当期积分须满100分，当前80分'] },
      county: {
        label: '桐庐、淳安、建德县域落户',
        reasons: [
          '未提供拟落户的县（市），无法判断：拟落户地为桐庐县、淳安县或建德市',
          '未提供住所或就业信息，无法判断：在该县（市）有合法稳定住所或合法稳定就业',
        ],
      },
    };
    for (const [pathway, { label, reasons }] of Object.entries(expected)) {
      const card = screen.getByTestId(`pathway-${pathway}`);
      expect(card.textContent).toContain(label);
      for (const reason of reasons) expect(card.textContent).toContain(reason);
    }
  });

  it('re-judges as the person types: 99 points are not enough, 100 make the points pathway eligible', () => {
    Taro.setStorageSync('hz.pathways.draft', {
      birthDate: '1990-01-15',
      hukou: 'other',
      points: '80',
      residencePermitValid: 'yes',
      fullCivilCapacity: 'yes',
    });
    const { container } = render(<Pathways today={TODAY} />);
    const card = screen.getByTestId('pathway-points');
    // RULES.md (settlement): points ≥ 100 in that round.
    typeInto(container, 'points', '99');
    expect(card.textContent).toContain('不符合');
    expect(card.textContent).toContain('当期积分须满100分，当前99分');
    typeInto(container, 'points', '100');
    expect(within(card).getByText(/符合条件/)).toBeTruthy();
    expect(card.textContent).not.toContain('当期积分须满100分');
  });

  it('starts from the calculator answers when nothing was saved', () => {
    Taro.setStorageSync('hz.calculator.draft', { birthDate: '1992-03-01', education: 'master' });
    render(<Pathways today={TODAY} />);
    expect(screen.getByText('1992年3月1日')).toBeTruthy();
    expect(screen.getByText('硕士研究生')).toBeTruthy();
  });
});
