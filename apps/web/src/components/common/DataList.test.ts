import { createSSRApp, h, type Component } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { createMemoryHistory, createRouter } from 'vue-router';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import DataList from './DataList.vue';
import type { DataColumn, OpenAction } from './data-list';

interface Item {
  id: string;
  name: string;
  due: string;
}

const ITEMS: Item[] = [
  { id: 'a', name: '锦江区教育局', due: '2025-03-31' },
  { id: 'b', name: '锦江区科协', due: '2025-06-30' },
];
const COLUMNS: DataColumn[] = [
  { key: 'name', label: '单位', headClass: 'grow' },
  { key: 'due', label: '截止日期', cellClass: 'nowrap muted', title: '北京时间', labelled: true },
];

/** Renders the list on the server, as plain HTML: what the page's table would be. */
async function render(props: Record<string, unknown>, slots: Record<string, (scope: { row: Item }) => unknown> = {}) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/items/:id', name: 'item', component: { render: () => null } }],
  });
  const app = createSSRApp({ render: () => h(DataList as Component, props, slots) });
  app.use(i18n).use(router);
  // Without the markers server rendering leaves around slots and fragments for hydration.
  return (await renderToString(app)).replace(/<!--[[\]]-->/g, '');
}

/** The HTML of each element of a tag, in order. */
const all = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}[ >][\\s\\S]*?</${tag}>`, 'g'))].map((m) => m[0]);
const BASE = { rows: ITEMS, columns: COLUMNS, loading: false, empty: '暂无', rowKey: 'id' };

describe('DataList', () => {
  it('heads each column as the page gave it', async () => {
    const heads = all(await render(BASE), 'th');
    expect(heads).toEqual(['<th scope="col" class="grow">单位</th>', '<th scope="col" title="北京时间">截止日期</th>']);
  });

  it('shows a field as it is unless the page fills the cell', async () => {
    const html = await render(
      { ...BASE, rowAttrs: (item: Item) => ({ 'data-item': item.id }) },
      { 'cell-name': ({ row }) => h('strong', row.name.slice(3)) },
    );
    const rows = all(html, 'tr').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('data-item="a"');
    expect(all(rows[0]!, 'td')).toEqual([
      '<td><strong>教育局</strong></td>',
      '<td class="nowrap muted" data-label="截止日期">2025-03-31</td>',
    ]);
    expect(html).not.toContain('class="empty"');
  });

  it('ends each row with the button that opens it, under 操作', async () => {
    const open = (item: Item): OpenAction => ({
      to: { name: 'item', params: { id: item.id } },
      label: item.id === 'a' ? '填报' : '查看',
      primary: item.id === 'a',
    });
    const html = await render({ ...BASE, rowKey: (item: Item) => `${item.id}|${item.name}`, open });
    expect(all(html, 'th').at(-1)).toBe('<th scope="col">操作</th>');
    const buttons = all(html, 'button');
    expect(buttons).toHaveLength(2);
    expect(buttons[0]).toContain('el-button--primary');
    expect(buttons[0]).toContain('填报');
    expect(buttons[1]).toContain('el-button--default');
    expect(buttons[1]).toContain('查看');
    expect(buttons[0]).not.toContain('is-plain');
    expect(
      all(await render({ ...BASE, open: (item: Item) => ({ ...open(item), plain: true }) }), 'button')[0],
    ).toContain('is-plain');
  });

  it('says the list is empty across all its columns, but not while it loads', async () => {
    const open = (item: Item): OpenAction => ({ to: '/', label: item.name, primary: true });
    expect(all(await render({ ...BASE, rows: [] }), 'td')).toEqual(['<td colspan="2" class="empty">暂无</td>']);
    expect(all(await render({ ...BASE, rows: [], open }), 'td')).toEqual(['<td colspan="3" class="empty">暂无</td>']);
    expect(all(await render({ ...BASE, rows: [], loading: true }), 'td')).toEqual([]);
  });
});
