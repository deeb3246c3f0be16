import { describe, expect, it } from 'vitest';
import { loggableError } from './loggable-error.ts';

describe('loggableError', () => {
  it('keeps the kind, code and message of a database error, not its detail', () => {
    const e = Object.assign(new Error('duplicate key value violates unique constraint "users_email_uq"'), {
      code: '23505',
      detail: 'Key (lower(email))=(olena@example.org) already exists.',
    });
    const logged = loggableError(e);
    expect(logged).toMatchObject({ name: 'Error', code: '23505', message: e.message });
    expect(JSON.stringify(logged)).not.toContain('olena@example.org');
  });
});
