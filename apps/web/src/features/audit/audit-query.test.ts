import { describe, expect, it } from 'vitest';
import { auditRequest, readAuditQuery, writeAuditQuery } from './audit-query';

describe('the audit filter in the address', () => {
  it('reads every filter, and the page', () => {
    const view = readAuditQuery({
      actor: 'office',
      action: 'submission.approve',
      entity: 'submission',
      entityId: 'a1',
      from: '2025-03-01',
      to: '2025-03-31',
      page: '3',
    });
    expect(view).toEqual({
      actor: 'office',
      action: 'submission.approve',
      entity: 'submission',
      entityId: 'a1',
      from: '2025-03-01',
      to: '2025-03-31',
      page: 3,
    });
  });

  it('counts anything malformed as not given', () => {
    expect(
      readAuditQuery({
        entity: 'secrets',
        action: 'DROP TABLE',
        from: '2025-3-1',
        to: 'tomorrow',
        page: '-2',
        actor: ' ',
      }),
    ).toEqual({
      actor: null,
      action: null,
      entity: null,
      entityId: null,
      from: null,
      to: null,
      page: 1,
    });
    expect(readAuditQuery({ page: '1.5', actor: ['edu', 'office'] })).toMatchObject({ page: 1, actor: 'edu' });
  });

  it('writes only what is set, and survives the round trip', () => {
    const view = readAuditQuery({ actor: 'edu', entity: 'submission', page: '2' });
    expect(writeAuditQuery(view)).toEqual({ actor: 'edu', entity: 'submission', page: '2' });
    expect(readAuditQuery(writeAuditQuery(view))).toEqual(view);
    expect(writeAuditQuery(readAuditQuery({}))).toEqual({});
  });

  it('asks the API for one page of 50', () => {
    expect(auditRequest(readAuditQuery({ actor: 'edu', page: '3' }))).toEqual({ actor: 'edu', limit: 50, offset: 100 });
  });
});
