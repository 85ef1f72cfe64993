import { describe, expect, it } from 'vitest';
import { absoluteLink, handoutRows, handoutText } from './login-handout';

const created = [
  {
    regionCode: '510104',
    department: '锦江区总工会',
    username: '510104.trade_union',
    code: 'K7QM-3XWP-D9TA',
    link: '/login?user=510104.trade_union&code=K7QM-3XWP-D9TA',
    expiresAt: '2025-01-04 00:00:00.000',
  },
  {
    regionCode: null,
    department: null,
    username: 'office2',
    code: 'AAAA-BBBB-CCCC',
    link: '/login?user=office2&code=AAAA-BBBB-CCCC',
    expiresAt: '2025-01-04 00:00:00.000',
  },
];

describe('handed-out log-ins', () => {
  it('link to this site’s own log-in page', () => {
    expect(absoluteLink('/login?user=a&code=B', 'https://kesu.example.cn')).toBe(
      'https://kesu.example.cn/login?user=a&code=B',
    );
  });

  it('become rows of the printable list, region names spelt out', () => {
    const rows = handoutRows(created, (code) => (code === '510104' ? '锦江区' : ''), 'http://10.0.0.5:8080');
    expect(rows[0]).toEqual({
      regionName: '锦江区',
      department: '锦江区总工会',
      username: '510104.trade_union',
      code: 'K7QM-3XWP-D9TA',
      link: 'http://10.0.0.5:8080/login?user=510104.trade_union&code=K7QM-3XWP-D9TA',
      expiresAt: '2025-01-04 00:00:00.000',
    });
    expect(rows[1]).toMatchObject({ regionName: '', department: '' });
  });

  it('copy as tab-separated text under a header, times as given', () => {
    const rows = handoutRows(created.slice(0, 1), () => '锦江区', 'http://h');
    expect(handoutText(rows, ['地区', '单位'], () => '2025-01-04 08:00').split('\n')).toEqual([
      '地区\t单位',
      '锦江区\t锦江区总工会\t510104.trade_union\tK7QM-3XWP-D9TA\t2025-01-04 08:00\t' +
        'http://h/login?user=510104.trade_union&code=K7QM-3XWP-D9TA',
    ]);
  });
});
