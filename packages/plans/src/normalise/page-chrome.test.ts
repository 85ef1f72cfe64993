import { describe, expect, it } from 'vitest';
import { isChromeLine, maskChrome } from './page-chrome.js';

describe('page chrome', () => {
  it.each([
    '来源:绵阳市科学技术协会  发布时间:2022-09-08 10:26  浏览次数:1268',
    '当前位置:首页 > 政务公开 > 部门动态',
    '【字体:大 中 小】 【打印本页】 【关闭窗口】 分享到:微信 微博',
    '首页 | 政务公开 | 政务服务 | 互动交流',
    '· 我市3个单位获评第三批全国科普教育基地 2022-07-19',
    '网站标识码:5107000001 蜀ICP备05003402号',
    '(责任编辑:王蕾)',
  ])('%s is chrome', (line) => expect(isChromeLine(line)).toBe(true));

  it.each([
    '到2025年,全市公民具备科学素质的比例达到15%。',
    '牵头单位:市科协;责任单位:市教育局、市科技局',
    '索引号:1153/2022-0831 发布日期:2022-08-31 文 号:楚政通〔2022〕61号',
    '一、指导思想',
    '青少年科学素质提升行动  市教育局  市科协',
  ])('%s is the document', (line) => expect(isChromeLine(line)).toBe(false));

  it('blanks links, percent-encoded bytes, e-mail addresses and file names without moving offsets', () => {
    const s =
      '详见https://www.example.gov.cn/s?q=%E7%A7%91%E6%99%AE,邮箱kx@example.cn,附件:实施方案.pdf。每年开展活动100场。';
    const masked = maskChrome(s);
    expect(masked).toHaveLength(s.length);
    expect(masked).not.toMatch(/%E7|example|pdf/);
    expect(masked).toContain('每年开展活动100场。');
  });
});
