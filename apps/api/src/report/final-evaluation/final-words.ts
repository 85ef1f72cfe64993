/** Every word the final evaluation prints, in Chinese and in English. */
export const FINAL_WORDS = {
  zh: {
    title: (region: string) => [`${region}全民科学素质行动实施方案`, '终期评估报告'],
    term: (start: number, end: number) => `（${start}—${end}年）`,
    planLine: (title: string) => `评估对象：${title}`,
    asOfLine: (end: number) => `评估时点：${end}年末（规划期最后一年）`,
    generatedLine: (time: string) => `生成时间：${time}（北京时间）`,
    headings: ['总体情况', '公民科学素质水平', '目标完成情况', '未完成目标及牵头单位', '各单位填报情况', '图表'],
    numbered: (n: number, text: string) => `${'一二三四五六七八九十'[n - 1] ?? n}、${text}`,
    summary: (total: number, counts: string, share: string) =>
      `方案共设量化目标 ${total} 项。按规划期末（最后一年年末）的判定：${counts}；完成率 ${share}。`,
    countItem: (label: string, n: number) => `${label} ${n} 项`,
    noTargets: '方案未列出可量化的目标。',
    verdict: '终期结论',
    count: '目标数',
    share: '占比',
    total: '合计',
    literacyIntro: (target: string) => `方案确定的公民具备科学素质的比例目标为 ${target}。`,
    literacyNone: '本地区在规划期内未报送公民具备科学素质的比例，终期值暂无数据。',
    indicator: '指标',
    literacyItem: '公民具备科学素质的比例',
    baseline: '基期值',
    finalValue: '终期值',
    goal: '目标值',
    stretch: '力争目标',
    noStretch: '—',
    // Numbered afresh: plans restart （一） under each chapter (actions, then projects).
    sectionTitle: (n: number, title: string | null) =>
      `（${'一二三四五六七八九十'[n - 1] ?? n}）${title ?? '总体目标及未归入章节的目标'}`,
    no: '序号',
    target: '目标',
    actual: '实际值',
    rule: '判定依据',
    leadUnits: '牵头单位',
    noLead: '方案未列明',
    actualOfGoal: '实际值 / 目标值',
    missedIntro: (n: number) =>
      `以下 ${n} 项目标在规划期末未完成（含进度正常但尚未达到目标值、暂无数据者），按结论和序号排列，列明牵头单位以便落实责任。`,
    missedNone: '所有目标均已完成。',
    departmentsIntro: (units: number, start: number, end: number) =>
      `${start}—${end}年间，共有 ${units} 个单位承担填报任务，各单位应报、按时报送、逾期报送、未报和已审核的报告次数如下。`,
    departmentsNone: '规划期内没有下达填报任务。',
    unit: '单位',
    assigned: '应报',
    onTime: '按时报送',
    late: '逾期报送',
    missing: '未报',
    approved: '已审核',
    onTimeRate: '按时率',
    chartsIntro:
      '以下图表反映本地区目标进度、重点指标、目标达标占比和各单位填报情况；有下级地区的，另附下级地区对比图。',
    figure: (n: number, title: string) => `图${n}\u3000${title}`,
    fontMissing:
      '本机缺少中文字体（如 fonts-noto-cjk），图表未能插入本文档；请安装字体后重新生成，或查阅 HTML / PDF 版。',
    milestone: (deadline: number | null) => (deadline === null ? '按期完成' : `${deadline}年底前完成`),
    comparator: { '>=': '不少于', '>': '超过', '~': '约', '=': '' } as Record<string, string>,
    perUnit: (unit: string) => `（${unit}）`,
    footer: '第 {page} 页',
  },
  en: {
    title: (region: string) => [region, 'Final Evaluation of the Science Literacy Action Plan'],
    term: (start: number, end: number) => `(${start}–${end})`,
    planLine: (title: string) => `Plan evaluated: ${title}`,
    asOfLine: (end: number) => `As of: the end of ${end} (the plan's last year)`,
    generatedLine: (time: string) => `Generated: ${time} (Beijing time)`,
    headings: [
      'Overview',
      'Science literacy rate',
      'Targets',
      'Targets missed and their lead units',
      'Reporting by unit',
      'Charts',
    ],
    numbered: (n: number, text: string) => `${n}. ${text}`,
    summary: (total: number, counts: string, share: string) =>
      `The plan sets ${total} quantified targets. As judged at the end of its last year: ${counts}; ${share} achieved.`,
    countItem: (label: string, n: number) => `${label.toLowerCase()} ${n}`,
    noTargets: 'The plan lists no quantified targets.',
    verdict: 'Final verdict',
    count: 'Targets',
    share: 'Share',
    total: 'Total',
    literacyIntro: (target: string) =>
      `The plan's target for the share of citizens with basic science literacy is ${target}.`,
    literacyNone: 'The region reported no science literacy rate during the term; there is no final value.',
    indicator: 'Indicator',
    literacyItem: 'Share of citizens with basic science literacy',
    baseline: 'Baseline',
    finalValue: 'Final',
    goal: 'Target value',
    stretch: 'Stretch target',
    noStretch: '—',
    sectionTitle: (n: number, title: string | null) =>
      `(${n}) ${title ?? 'Overall goals and targets outside the sections'}`,
    no: 'No.',
    target: 'Target',
    actual: 'Actual',
    rule: 'Rule',
    leadUnits: 'Lead units',
    noLead: 'not named in the plan',
    actualOfGoal: 'Actual / target',
    missedIntro: (n: number) =>
      `These ${n} targets were not achieved by the end of the term ` +
      `(including those on track but short of their value, and those without data), ` +
      `by verdict and number, with the units leading them.`,
    missedNone: 'Every target was achieved.',
    departmentsIntro: (units: number, start: number, end: number) =>
      `From ${start} to ${end}, ${units} units were assigned reports; ` +
      `the reports each was due, sent on time, sent late, never sent, and had approved:`,
    departmentsNone: 'No reports were assigned during the term.',
    unit: 'Unit',
    assigned: 'Due',
    onTime: 'On time',
    late: 'Late',
    missing: 'Missing',
    approved: 'Approved',
    onTimeRate: 'On-time rate',
    chartsIntro:
      "The region's target progress, key indicators, share of targets on track and its units' reporting; " +
      'with sub-regions, their comparison follows.',
    figure: (n: number, title: string) => `Figure ${n}. ${title}`,
    fontMissing:
      'No CJK font (such as fonts-noto-cjk) is installed on this machine, ' +
      'so the charts could not be placed in this document; install one and generate it again, ' +
      'or see the HTML / PDF version.',
    milestone: (deadline: number | null) => (deadline === null ? 'done on time' : `done by the end of ${deadline}`),
    comparator: { '>=': 'at least ', '>': 'more than ', '~': 'about ', '=': '' } as Record<string, string>,
    perUnit: (unit: string) => ` (${unit})`,
    footer: 'Page {page}',
  },
} as const;
