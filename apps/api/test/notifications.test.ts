import { createServer, type AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { insertUser, listNotifications, setUserDisabled } from '@kesu/store';
import { hashPassword } from '../src/auth/passwords.js';
import { addUser, Client, PASSWORD, startHarness, type Harness } from './harness.js';
import { buildFixture, type Fixture } from './fixture.js';

interface Item {
  id: string;
  kind: string;
  title: string;
  titleEn: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}
interface Page {
  total: number;
  unread: number;
  items: Item[];
}
interface OutboxRow {
  id: string;
  recipient: string;
  subject: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

/** A user with an e-mail address, created in the store as the office would. */
async function addUserWithEmail(
  h: Harness,
  username: string,
  role: 'reporter' | 'reviewer',
  regionCode: string,
  department: string | null,
  email: string,
) {
  const passwordHash = await hashPassword(PASSWORD);
  return h.ctx.store.writes.write((conn) =>
    insertUser(conn, { username, displayName: `${username}-name`, passwordHash, role, regionCode, department, email }),
  );
}

async function clients(h: Harness, names: string[]): Promise<Record<string, Client>> {
  const out: Record<string, Client> = {};
  for (const name of names) {
    out[name] = new Client(h);
    expect((await out[name].login(name)).status).toBe(200);
  }
  return out;
}

const inbox = async (c: Client, query = '') =>
  (await c.request('GET', `/api/v1/notifications${query}`)).body as unknown as Page;
const kindsOf = async (c: Client) => (await inbox(c, '?limit=100')).items.map((i) => i.kind).sort();

/** Every field of the assignment's form filled, as a reporter would before submitting. */
async function filled(reporter: Client, id: string) {
  const view = (await reporter.request('GET', `/api/v1/assignments/${id}`)).body as {
    form: { sections: Array<{ fields: Array<{ id: string; type: string }> }> };
  };
  const fields = view.form.sections.flatMap((s) => s.fields);
  return {
    formVersion: 1,
    values: Object.fromEntries(
      fields.map((x) => [
        x.id,
        x.type === 'long_text'
          ? '按计划推进'
          : x.type === 'percent'
            ? 80
            : x.type === 'yes_no'
              ? true
              : x.type === 'date'
                ? '2024-03-31'
                : 12,
      ]),
    ),
  };
}

describe('events reach the people who act next', () => {
  let h: Harness;
  let f: Fixture;
  let as: Record<string, Client>;
  let goneId = '';

  beforeAll(async () => {
    h = await startHarness();
    f = await buildFixture(h);
    // The fixture's tasks were given before anyone reported for the units.
    await h.ctx.notifications.settled();
    await addUser(h, 'edu', 'reporter', '510104', '锦江区教育局');
    await addUser(h, 'edu2', 'reporter', '510104', '锦江区教育局');
    const gone = await addUser(h, 'edu-gone', 'reporter', '510104', '锦江区教育局');
    goneId = gone.id;
    await h.ctx.store.writes.write((conn) => setUserDisabled(conn, gone.id, new Date()));
    await addUser(h, 'kx', 'reporter', '510104', '锦江区科协');
    await addUser(h, 'county', 'reviewer', '510104');
    await addUser(h, 'county-b', 'reviewer', '510105');
    await addUser(h, 'city', 'reviewer', '510100');
    await addUser(h, 'prov', 'reviewer', '510000');
    as = { office: f.office, ...(await clients(h, ['edu', 'edu2', 'kx', 'county', 'county-b', 'city', 'prov'])) };
  });
  afterAll(() => h.close());

  const assign = (departments: string[], periods: string[], dueDate: string | null = '2024-09-30') =>
    as['office']!.request('POST', '/api/v1/assignments', {
      formId: f.formId,
      version: 1,
      regionCodes: ['510104'],
      departments,
      periods,
      dueDate,
    });

  it('tells every enabled reporter of a unit of its new tasks once, in one notice per assignment round', async () => {
    expect((await assign(['锦江区教育局'], ['2024Q2', '2024Q3'])).status).toBe(201);
    await h.ctx.notifications.settled();
    const page = await inbox(as['edu']!);
    expect(page.items.filter((i) => i.kind === 'assignment.received')).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      title: '新的填报任务 2 项：《锦江区教育局季度科学素质工作报表》',
      link: '/report',
      readAt: null,
    });
    expect(page.items[0]!.body).toContain('2024年第二季度、2024年第三季度');
    expect(page.items[0]!.titleEn).toContain('2 new reports to fill');
    expect((await inbox(as['edu2']!)).total).toBe(1);
    expect((await inbox(as['kx']!)).total).toBe(0);
    // A disabled account is told nothing.
    expect(
      (await h.ctx.store.reads.read((conn) => listNotifications(conn, goneId, { limit: 10, offset: 0 }))).total,
    ).toBe(0);

    // Given again with one more period: only the new one is news.
    await assign(['锦江区教育局'], ['2024Q2', '2024Q3', '2024Q4']);
    await assign(['锦江区教育局'], ['2024Q3']);
    await h.ctx.notifications.settled();
    const received = (await inbox(as['edu']!)).items.filter((i) => i.kind === 'assignment.received');
    expect(received).toHaveLength(2);
    expect(received[0]).toMatchObject({ title: '新的填报任务：《锦江区教育局季度科学素质工作报表》2024年第四季度' });
    expect(received[0]!.link).toMatch(/^\/report\/[0-9a-f-]{36}$/);
  });

  it('walks a report up the levels: each office is told when it is its turn, the reporters how it went', async () => {
    await h.ctx.notifications.settled();
    const before = Object.fromEntries(
      await Promise.all(
        Object.keys(as).map(async (n) => [n, (await inbox(as[n]!, '?limit=100')).items.map((i) => i.id)] as const),
      ),
    );
    const fresh = async (name: string) =>
      (await inbox(as[name]!, '?limit=100')).items.filter((i) => !before[name]!.includes(i.id));
    const act = async (who: string, action: string, body?: unknown) => {
      const res = await as[who]!.request('POST', `/api/v1/assignments/${f.own}/submission/${action}`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      await h.ctx.notifications.settled();
    };

    await act('edu', 'submit', await filled(as['edu']!, f.own));
    expect((await fresh('county')).map((i) => [i.kind, i.link])).toEqual([['review.waiting', `/review/${f.own}`]]);
    expect((await fresh('county'))[0]!.title).toBe(
      '待审核：锦江区教育局 《锦江区教育局季度科学素质工作报表》2024年第一季度',
    );
    for (const other of ['county-b', 'city', 'prov', 'edu', 'edu2', 'kx'])
      expect(await fresh(other), other).toEqual([]);

    await act('county', 'approve');
    expect((await fresh('edu')).map((i) => i.kind)).toEqual(['submission.approved']);
    expect((await fresh('edu2')).map((i) => i.kind)).toEqual(['submission.approved']);
    expect((await fresh('city')).map((i) => [i.kind, i.title.slice(0, 4)])).toEqual([['review.waiting', '待接收：']]);
    expect(await fresh('prov')).toEqual([]);

    await act('city', 'accept');
    expect((await fresh('edu')).map((i) => i.title)[0]).toMatch(/^填报已获市级接收/);
    // The county that approved it hears that the prefecture took it; the province that it waits.
    expect((await fresh('county')).map((i) => i.kind).sort()).toEqual(['review.waiting', 'submission.approved']);
    expect((await fresh('prov')).map((i) => i.kind)).toEqual(['review.waiting']);

    // Returned from the province: back to the prefecture's reviewers, not to the reporters.
    await act('prov', 'return', { comment: '请核对培训人次' });
    const backToCity = (await fresh('city')).filter((i) => i.kind === 'submission.returned');
    expect(backToCity).toHaveLength(1);
    expect(backToCity[0]).toMatchObject({ title: expect.stringMatching(/^上级退回/), link: `/review/${f.own}` });
    expect(backToCity[0]!.body).toContain('请核对培训人次');
    expect((await fresh('edu')).filter((i) => i.kind === 'submission.returned')).toEqual([]);

    await act('city', 'return', { comment: '区里再看一下' });
    expect((await fresh('county')).filter((i) => i.kind === 'submission.returned')).toHaveLength(1);
    await act('county', 'return', { comment: '请补充说明' });
    const returned = (await fresh('edu')).filter((i) => i.kind === 'submission.returned');
    expect(returned).toHaveLength(1);
    expect(returned[0]).toMatchObject({
      title: '填报被退回：《锦江区教育局季度科学素质工作报表》2024年第一季度',
      link: `/report/${f.own}`,
    });
    expect(returned[0]!.body).toContain('意见：请补充说明');
    // Nobody is told of their own step, and nobody outside the chain hears anything.
    expect((await fresh('county-b')).length + (await fresh('kx')).length).toBe(0);
  });

  it('keeps each inbox to its owner: read one, read all, and another person’s notice is not found', async () => {
    const mine = await inbox(as['edu']!);
    expect(mine.unread).toBeGreaterThan(1);
    expect((await as['edu']!.request('GET', '/api/v1/notifications/unread-count')).body).toEqual({
      unread: mine.unread,
    });
    const first = mine.items[0]!;
    const read = await as['edu']!.request('POST', `/api/v1/notifications/${first.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body['readAt']).toEqual(expect.any(String));
    expect((await as['edu']!.request('GET', '/api/v1/notifications/unread-count')).body).toEqual({
      unread: mine.unread - 1,
    });

    // Someone else's notice is answered as one that does not exist, and stays unread for its owner.
    const theirs = (await inbox(as['edu2']!)).items[0]!;
    const foreign = await as['edu']!.request('POST', `/api/v1/notifications/${theirs.id}/read`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error).toMatchObject({ code: 'not_found', message: '消息不存在' });
    expect((await inbox(as['edu2']!)).items[0]!.readAt).toBeNull();

    const paged = await inbox(as['edu']!, '?limit=1&offset=1');
    expect(paged.items).toHaveLength(1);
    expect(paged.items[0]!.id).toBe(mine.items[1]!.id);
    expect((await inbox(as['edu']!, '?unread=true&limit=100')).items.every((i) => i.readAt === null)).toBe(true);

    expect((await as['edu']!.request('POST', '/api/v1/notifications/read-all')).body).toEqual({
      updated: mine.unread - 1,
    });
    expect((await inbox(as['edu']!)).unread).toBe(0);
    expect((await inbox(as['edu2']!)).unread).toBeGreaterThan(0);
  });

  it('answers bad input with a clear error', async () => {
    const cases: Array<[string, string, number, string]> = [
      ['GET', '/api/v1/notifications?limit=0', 400, 'limit'],
      ['GET', '/api/v1/notifications?limit=101', 400, 'limit'],
      ['GET', '/api/v1/notifications?offset=-1', 400, 'offset'],
      ['GET', '/api/v1/notifications?unread=yes', 400, 'unread'],
      ['POST', '/api/v1/notifications/not-a-uuid/read', 400, 'id'],
      ['POST', "/api/v1/notifications/1'%20OR%20'1'='1/read", 400, 'id'],
      ['POST', '/api/v1/notifications/00000000-0000-4000-8000-000000000000/read', 404, ''],
    ];
    for (const [method, url, status, path] of cases) {
      const res = await as['edu']!.request(method, url);
      expect(res.status, url).toBe(status);
      expect(res.body.error?.message, url).toEqual(expect.any(String));
      if (path)
        expect(
          res.body.error?.details.map((d) => d.path),
          url,
        ).toContain(path);
    }
    const office = await f.office.request('GET', '/api/v1/notifications/outbox?status=lost');
    expect(office.status).toBe(400);
    expect(office.body.error?.details.map((d) => d.path)).toContain('status');
  });
});

describe('deadline reminders', () => {
  let h: Harness;
  let f: Fixture;
  let as: Record<string, Client>;
  const at = (iso: string) => {
    h.ctx.clock = () => new Date(iso);
  };
  const round = () => h.ctx.notifications.runRound();
  const deadlineKinds = async (c: Client) => (await kindsOf(c)).filter((k) => k.startsWith('deadline.'));

  beforeAll(async () => {
    h = await startHarness();
    f = await buildFixture(h);
    await h.ctx.notifications.settled();
    await addUser(h, 'edu', 'reporter', '510104', '锦江区教育局');
    await addUser(h, 'kx', 'reporter', '510104', '锦江区科协');
    as = await clients(h, ['edu', 'kx']);
  });
  afterAll(() => h.close());

  it('come 7 days before, 1 day before and once late, each exactly once however often the job runs', async () => {
    // The fixture's two assignments are due 2024-04-15; the unit of edu hands its report in before it is late.
    at('2024-04-01T01:00:00Z');
    expect((await round())?.deadlines.stored).toBe(0);
    at('2024-04-08T01:00:00Z');
    expect(await round()).toMatchObject({ deadlines: { assignments: 2, stored: 2 }, mail: null });
    expect(await round()).toMatchObject({ deadlines: { stored: 0 } });
    at('2024-04-10T01:00:00Z');
    expect((await round())?.deadlines.stored).toBe(0);
    expect(await deadlineKinds(as['kx']!)).toEqual(['deadline.due7']);
    const due7 = (await inbox(as['kx']!)).items[0]!;
    expect(due7).toMatchObject({
      title: '7 天后截止：《锦江区教育局季度科学素质工作报表》2024年第一季度',
      titleEn: expect.stringMatching(/^Due in 7 days/),
      link: `/report/${f.other}`,
    });

    // Beijing's 14 April begins at 16:00 UTC on the 13th.
    at('2024-04-13T16:30:00Z');
    await round();
    await round();
    expect(await deadlineKinds(as['kx']!)).toEqual(['deadline.due1', 'deadline.due7']);

    await as['edu']!.request('POST', `/api/v1/assignments/${f.own}/submission/submit`, await filled(as['edu']!, f.own));
    at('2024-04-15T09:00:00Z');
    expect((await round())?.deadlines.stored).toBe(0);
    at('2024-04-16T01:00:00Z');
    expect(await round()).toMatchObject({ deadlines: { assignments: 1, stored: 1 } });
    at('2024-04-20T01:00:00Z');
    expect((await round())?.deadlines.stored).toBe(0);
    expect(await deadlineKinds(as['kx']!)).toEqual(['deadline.due1', 'deadline.due7', 'deadline.overdue']);
    expect(await deadlineKinds(as['edu']!)).toEqual(['deadline.due1', 'deadline.due7']);
    expect((await inbox(as['kx']!)).items[0]!.title).toBe('已逾期：《锦江区教育局季度科学素质工作报表》2024年第一季度');

    // A due date moved later is a new deadline, reminded of again; a report long overdue is left to the progress page.
    await f.office.request('PATCH', `/api/v1/assignments/${f.other}`, { dueDate: '2024-04-25' });
    at('2024-04-24T01:00:00Z');
    expect((await round())?.deadlines.stored).toBe(1);
    at('2024-07-01T01:00:00Z');
    expect((await round())?.deadlines.stored).toBe(0);
  });

  it('store nothing twice when a run crashes half-way and runs again', async () => {
    const res = await f.office.request('POST', '/api/v1/assignments', {
      formId: f.formId,
      version: 1,
      regionCodes: ['510104'],
      departments: ['锦江区教育局', '锦江区科协'],
      periods: ['2024Q2', '2024Q3', '2024Q4'],
      dueDate: '2024-10-10',
    });
    expect(res.status).toBe(201);
    const links = new Set((res.body as unknown as Array<{ id: string }>).map((a) => `/report/${a.id}`));
    at('2024-10-05T01:00:00Z');
    const crash = new Error('power cut');
    await expect(
      h.ctx.notifications.runRound(h.ctx.clock(), {
        chunk: 2,
        afterChunk: (i) => {
          if (i === 0) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    const dueSoon = async (c: Client) =>
      (await inbox(c, '?limit=100')).items.filter((i) => i.kind === 'deadline.due7' && links.has(i.link ?? '')).length;
    const partial = (await dueSoon(as['edu']!)) + (await dueSoon(as['kx']!));
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(6);
    // The crashed run gave its lease back on the way out; the next one finishes the work.
    expect(await round()).toMatchObject({ deadlines: { assignments: 6, stored: 6 - partial } });
    expect(await round()).toMatchObject({ deadlines: { stored: 0 } });
    expect((await dueSoon(as['edu']!)) + (await dueSoon(as['kx']!))).toBe(6);
  });

  it('run one node at a time: a round is skipped while another node holds the lease', async () => {
    const { takeLease } = await import('@kesu/store');
    at('2024-10-06T01:00:00Z');
    expect(
      await h.ctx.store.writes.write((conn) =>
        takeLease(conn, 'notification-jobs', 'another-node', h.ctx.clock(), 60_000),
      ),
    ).toBe(true);
    expect(await round()).toBeNull();
    const run = await f.office.request('POST', '/api/v1/notifications/run');
    expect(run.body).toEqual({ ran: false, deadlines: null, mail: null });
    at('2024-10-06T01:02:00Z');
    expect(await round()).not.toBeNull();
  });
});

/** An SMTP server on loopback that keeps every message it is given. */
async function startSmtp(port = 0): Promise<{ port: number; messages: ParsedMail[]; close: () => Promise<void> }> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth: (auth, _session, done) =>
      auth.username === 'kesu' && auth.password === 'secret'
        ? done(null, { user: 'kesu' })
        : done(new Error('bad login')),
    onData: (stream, _session, done) => {
      simpleParser(stream).then((m) => {
        messages.push(m);
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port with nothing listening on it (yet). */
async function idlePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('mail through SMTP', () => {
  let h: Harness;
  let f: Fixture;
  let smtp: Awaited<ReturnType<typeof startSmtp>> | null = null;
  let port: number;
  const saved = { url: process.env['KESU_SMTP_URL'], from: process.env['KESU_SMTP_FROM'] };

  beforeAll(async () => {
    port = await idlePort();
    process.env['KESU_SMTP_URL'] = `smtp://kesu:secret@127.0.0.1:${port}`;
    process.env['KESU_SMTP_FROM'] = 'kesu@example.org';
    h = await startHarness();
    f = await buildFixture(h);
    await h.ctx.notifications.settled();
    await addUserWithEmail(h, 'edu', 'reporter', '510104', '锦江区教育局', 'edu@example.org');
    await addUserWithEmail(h, 'county', 'reviewer', '510104', null, 'county@example.org');
    // No address: told in the app only.
    await addUser(h, 'edu-nomail', 'reporter', '510104', '锦江区教育局');
  });
  afterEach(async () => {
    await smtp?.close();
    smtp = null;
  });
  afterAll(async () => {
    await h.close();
    for (const [key, value] of [
      ['KESU_SMTP_URL', saved.url],
      ['KESU_SMTP_FROM', saved.from],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  const outbox = async (query = '') =>
    (await f.office.request('GET', `/api/v1/notifications/outbox${query}`)).body as unknown as {
      configured: boolean;
      from: string;
      counts: Record<string, number>;
      items: OutboxRow[];
    };

  it('keeps mail queued while the server is down, retries it, and sends each message once when it is up', async () => {
    h.ctx.clock = () => new Date('2024-04-08T01:00:00Z');
    expect(await h.ctx.notifications.runRound()).toMatchObject({
      deadlines: { stored: 2 },
      mail: { sent: 0, failed: 1 },
    });
    const down = await outbox();
    expect(down).toMatchObject({
      configured: true,
      from: 'kesu@example.org',
      counts: { queued: 1, sending: 0, sent: 0, failed: 0 },
    });
    expect(down.items[0]).toMatchObject({
      recipient: 'edu@example.org',
      status: 'queued',
      attempts: 1,
      lastError: expect.stringMatching(/ECONNREFUSED/),
    });

    smtp = await startSmtp(port);
    // Before its retry time the message waits; after it, it goes out, once.
    expect((await h.ctx.notifications.runRound())?.mail).toEqual({ sent: 0, failed: 0 });
    h.ctx.clock = () => new Date('2024-04-08T01:01:30Z');
    expect((await h.ctx.notifications.runRound())?.mail).toEqual({ sent: 1, failed: 0 });
    h.ctx.clock = () => new Date('2024-04-08T02:00:00Z');
    expect((await h.ctx.notifications.runRound())?.mail).toEqual({ sent: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    const [message] = smtp.messages;
    expect(message!.subject).toBe('【科素】7 天后截止：《锦江区教育局季度科学素质工作报表》2024年第一季度');
    expect(message!.to).toMatchObject({ text: 'edu@example.org' });
    expect(message!.from).toMatchObject({ text: 'kesu@example.org' });
    expect(message!.text).toContain(`/report/${f.own}`);
    expect(message!.text).toContain('Due in 7 days');
    expect((await outbox()).counts).toMatchObject({ queued: 0, sent: 1 });
  });

  it('mails one message per event to each recipient with an address, right after the event', async () => {
    smtp = await startSmtp(port);
    const edu = new Client(h);
    await edu.login('edu');
    const res = await edu.request('POST', `/api/v1/assignments/${f.own}/submission/submit`, await filled(edu, f.own));
    expect(res.status).toBe(200);
    await h.ctx.notifications.settled();
    expect(smtp.messages.map((m) => [m.to && 'text' in m.to ? m.to.text : '', m.subject])).toEqual([
      ['county@example.org', '【科素】待审核：锦江区教育局 《锦江区教育局季度科学素质工作报表》2024年第一季度'],
    ]);
    const county = new Client(h);
    await county.login('county');
    await county.request('POST', `/api/v1/assignments/${f.own}/submission/return`, { comment: '数据有误' });
    await h.ctx.notifications.settled();
    expect(smtp.messages).toHaveLength(2);
    expect(smtp.messages[1]).toMatchObject({
      subject: '【科素】填报被退回：《锦江区教育局季度科学素质工作报表》2024年第一季度',
    });
    expect(smtp.messages[1]!.text).toContain('数据有误');
    // The reporter without an address has the same notice in the app.
    const nomail = new Client(h);
    await nomail.login('edu-nomail');
    expect((await inbox(nomail)).items.map((i) => i.kind)).toContain('submission.returned');
  });

  it(
    'gives a message up after its last retry, shows why to the office, ' +
      'who may retry it but never resend one that went out',
    async () => {
      const sent = (await outbox()).items.find((m) => m.status === 'sent')!;
      const edu = new Client(h);
      await edu.login('edu');
      await edu.request('POST', `/api/v1/assignments/${f.own}/submission/submit`, await filled(edu, f.own));
      await h.ctx.notifications.settled();
      const queued = (await outbox('?status=queued')).items[0]!;
      expect(queued).toMatchObject({
        recipient: 'county@example.org',
        attempts: 1,
        lastError: expect.stringMatching(/ECONNREFUSED/),
      });
      // Each round a little later, the server still down: tried again with longer waits, then given up.
      let clock = h.ctx.clock().getTime();
      for (let attempt = 2; attempt <= 8; attempt++) {
        clock += 13 * 3_600_000;
        h.ctx.clock = () => new Date(clock);
        expect((await h.ctx.notifications.runRound())?.mail, `attempt ${attempt}`).toEqual({ sent: 0, failed: 1 });
      }
      const failing = (await outbox('?status=failed')).items[0]!;
      expect(failing).toMatchObject({
        id: queued.id,
        status: 'failed',
        attempts: 8,
        lastError: expect.stringMatching(/ECONNREFUSED/),
      });
      clock += 24 * 3_600_000;
      expect((await h.ctx.notifications.runRound())?.mail).toEqual({ sent: 0, failed: 0 });

      smtp = await startSmtp(port);
      const retried = await f.office.request('POST', `/api/v1/notifications/outbox/${failing.id}/retry`);
      expect(retried.status).toBe(200);
      await h.ctx.notifications.settled();
      expect(smtp.messages.map((m) => m.subject)).toEqual([expect.stringMatching(/^【科素】待审核/)]);
      const again = await f.office.request('POST', `/api/v1/notifications/outbox/${failing.id}/retry`);
      expect(again.status).toBe(409);
      expect(again.body.error?.message).toContain('已发送');
      expect((await f.office.request('POST', `/api/v1/notifications/outbox/${sent.id}/retry`)).status).toBe(409);
      expect(
        (await f.office.request('POST', '/api/v1/notifications/outbox/00000000-0000-4000-8000-000000000000/retry'))
          .status,
      ).toBe(404);
      const trail = (await f.office.request('GET', '/api/v1/audit?action=mail.retry')).body as unknown as {
        events: Array<{ entityId: string; previous: { status: string; lastError: string } }>;
      };
      expect(trail.events).toHaveLength(1);
      expect(trail.events[0]).toMatchObject({
        entityId: failing.id,
        previous: { status: 'failed', lastError: expect.stringMatching(/ECONNREFUSED/) },
      });
      expect(smtp.messages).toHaveLength(1);
    },
  );
});
