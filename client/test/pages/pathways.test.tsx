import { render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { settlementPathways } from '@hz-points/shared';
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
    const profile = { birthDate: '1990-01-15', hukou: 'other' as const, points: 80, residencePermitValid: true, fullCivilCapacity: true, education: 'junior-college' as const };
    const results = settlementPathways(profile, { on: TODAY });

    const points = screen.getByTestId('pathway-points');
    expect(points.textContent).toContain('不符合');
    expect(points.textContent).toContain('当期积分须满100分，当前80分');

    // Every failing or undeterminable condition of every pathway is named on its card.
    for (const r of results) {
      const card = screen.getByTestId(`pathway-${r.pathway}`);
      expect(card.textContent).toContain(r.label);
      for (const reason of r.reasons) expect(card.textContent).toContain(reason);
    }
  });

  it('re-judges as the person types: 100 points make the points pathway eligible', () => {
    Taro.setStorageSync('hz.pathways.draft', { birthDate: '1990-01-15', hukou: 'other', points: '80', residencePermitValid: 'yes', fullCivilCapacity: 'yes' });
    const { container } = render(<Pathways today={TODAY} />);
    typeInto(container, 'points', '120');
    const card = screen.getByTestId('pathway-points');
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
